# glmnet's side of the benchmark's cold mode (ColdBench): one Rscript process per case, timed by the
# caller from process start to exit; this script reports its own read and fit times.
#   Rscript bench/glmnet/cold.R CSV_DIR_OR_FILE LAMBDA [NFOLDS [FAMILY]]
# (on stderr) Reads every part-*.csv (or the file) with data.table::fread on 2 threads, fits glmnet (FAMILY
# gaussian (default) or binomial, alpha 1, standardize TRUE) at LAMBDA, or cv.glmnet's default path with
# NFOLDS folds (NFOLDS 0: no CV), and prints
#   glmnet read=<s> fit=<s> objective=<glmnet's objective of the fit at LAMBDA> nnz=<k>
# objective = (1/2n) sum (y - b0 - x'b)^2 + lambda * sum s_j |b_j|, s_j population sds (glmnet's,
# on the original scale), the objective the bench compares with ours (NaN for binomial, whose cold case
# compares times only).
suppressMessages({ library(data.table); library(glmnet) })
args <- commandArgs(trailingOnly = TRUE)
path <- args[1]; lambda <- as.numeric(args[2]); nfolds <- if (length(args) > 2) as.integer(args[3]) else 0L
family <- if (length(args) > 3) args[4] else "gaussian"
files <- if (dir.exists(path)) list.files(path, pattern = "^part-.*\\.csv$", full.names = TRUE) else path
t0 <- proc.time()[["elapsed"]]
d <- rbindlist(lapply(files, fread, nThread = 2))
y <- d[["label"]]
x <- as.matrix(d[, setdiff(names(d), "label"), with = FALSE])
rm(d)
t1 <- proc.time()[["elapsed"]]
if (nfolds > 0) {
  fit <- cv.glmnet(x, y, family = family, alpha = 1, standardize = TRUE, nfolds = nfolds)
  beta <- as.numeric(coef(fit, s = lambda, exact = FALSE))
} else {
  fit <- glmnet(x, y, family = family, alpha = 1, standardize = TRUE, lambda = lambda)
  beta <- as.numeric(coef(fit))
}
t2 <- proc.time()[["elapsed"]]
n <- nrow(x)
s <- sqrt(colMeans(x^2) - colMeans(x)^2)
r <- y - beta[1] - x %*% beta[-1]
obj <- if (family == "gaussian") sum(r^2) / (2 * n) + lambda * sum(s * abs(beta[-1])) else NaN
message(sprintf("glmnet read=%.3f fit=%.3f objective=%.15g nnz=%d", t1 - t0, t2 - t1, obj, sum(beta[-1] != 0)))
