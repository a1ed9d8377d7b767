package org.sparklasso.bench;

/**
 * Fields of a Linux {@code /proc/<pid>[/task/<tid>]/stat} line (proc(5)): the command name in
 * parentheses (which may hold spaces), then the numbered fields from 3 (state) on.
 */
final class ProcStat {
    private ProcStat() {
    }

    /** The command name: a thread's name, cut to 15 characters by the kernel. */
    static String name(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    /** User + system CPU time in clock ticks (fields 14 and 15). */
    static long cpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
