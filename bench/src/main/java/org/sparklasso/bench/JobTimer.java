package org.sparklasso.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.sparklasso.pass.LocalPassLog;

/**
 * Records every Spark job's wall time (submission to completion, as the scheduler saw it) and the
 * summed executor run time of its tasks, so that a fit's time can be split into its data passes
 * (one job each) and driver-side work. {@link #sync} runs a tiny marker job and waits until the
 * listener bus has delivered it, which makes the jobs between two syncs exactly the jobs run in
 * between. Each job is named by its result stage (e.g. {@code pass at GlmPass.java:NN}).
 *
 * <p>Our passes in local mode are no Spark jobs ({@code localPasses}); {@link LocalPassLog} reports
 * them here, and they count as jobs: the pass's wall time, its partitions' summed work time as the
 * task time, and the same name.
 */
public final class JobTimer extends SparkListener {
    private static final String MARKER = "spark-lasso.bench.marker";

    /** One finished job: wall time from the scheduler's timestamps, tasks' executor run time. */
    public record Job(int id, double seconds, double taskSeconds, int tasks, String callSite) {
    }

    private final Map<Integer, Long> starts = new ConcurrentHashMap<>();
    private final Map<Integer, String> sites = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> stageToJob = new ConcurrentHashMap<>();
    private final Map<Integer, long[]> taskTime = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Integer, Job> jobs = new ConcurrentSkipListMap<>();
    private final Map<String, Integer> markers = new ConcurrentHashMap<>();
    private final AtomicLong markerCount = new AtomicLong();
    private final List<Double> markerSeconds = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Local passes in the order they ran, and how many had run at each marker. */
    private final List<Job> localPasses = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<Integer, Integer> localAtMarker = new ConcurrentHashMap<>();

    public JobTimer() {
        LocalPassLog.listen(p -> localPasses.add(new Job(-1, p.seconds(), p.workSeconds(), p.partitions(),
                "local " + p.site())));
    }

    @Override
    public void onJobStart(SparkListenerJobStart start) {
        starts.put(start.jobId(), start.time());
        scala.collection.Iterator<Object> it = start.stageIds().iterator();
        while (it.hasNext()) {
            stageToJob.put((Integer) it.next(), start.jobId());
        }
        String site = "?";
        int last = -1;
        scala.collection.Iterator<org.apache.spark.scheduler.StageInfo> infos = start.stageInfos().iterator();
        while (infos.hasNext()) {
            org.apache.spark.scheduler.StageInfo info = infos.next();
            if (info.stageId() > last) {
                last = info.stageId();
                site = info.name();
            }
        }
        sites.put(start.jobId(), site);
        String marker = start.properties() == null ? null : start.properties().getProperty(MARKER);
        if (marker != null) {
            markers.put(marker, -1 - start.jobId());
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        Integer job = stageToJob.get(end.stageId());
        if (job != null && end.taskMetrics() != null) {
            long[] t = taskTime.computeIfAbsent(job, k -> new long[2]);
            synchronized (t) {
                t[0] += end.taskMetrics().executorRunTime();
                t[1]++;
            }
        }
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd end) {
        int id = end.jobId();
        Long start = starts.remove(id);
        long[] t = taskTime.remove(id);
        jobs.put(id, new Job(id, start == null ? Double.NaN : (end.time() - start) / 1e3,
                t == null ? 0 : t[0] / 1e3, t == null ? 0 : (int) t[1], sites.remove(id)));
        markers.replaceAll((k, v) -> v == -1 - id ? id : v);
    }

    /** Runs a marker job, waits until the listener has seen it end, and returns its job id. */
    public int sync(JavaSparkContext jsc) {
        String token = "m" + markerCount.incrementAndGet();
        String previous = jsc.getLocalProperty(MARKER);
        jsc.setLocalProperty(MARKER, token);
        try {
            jsc.parallelize(List.of(1), 1).count();
        } finally {
            jsc.setLocalProperty(MARKER, previous);
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            Integer id = markers.get(token);
            if (id != null && id >= 0) {
                markers.remove(token);
                markerSeconds.add(jobs.get(id).seconds());
                localAtMarker.put(id, localPasses.size());
                return id;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the Spark listener bus did not deliver the marker job in 60 s");
    }

    /** Wall times of the marker jobs so far: what a trivial one-task Spark job costs here. */
    public List<Double> markerSeconds() {
        synchronized (markerSeconds) {
            return new ArrayList<>(markerSeconds);
        }
    }

    /** The jobs with ids strictly between two markers, in order, then the local passes in between. */
    public List<Job> between(int fromMarker, int toMarker) {
        List<Job> all = new ArrayList<>(jobs.subMap(fromMarker, false, toMarker, false).values());
        synchronized (localPasses) {
            all.addAll(localPasses.subList(localAtMarker.get(fromMarker), localAtMarker.get(toMarker)));
        }
        return all;
    }
}
