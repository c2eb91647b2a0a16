# Cross-check of org.integramonitor.weighting against R's survey package (WeightingRCrossCheckTests).
# Usage: Rscript weighting-check.R <dir>   where <dir> holds respondents.csv and targets.csv written by the test.
# respondents.csv: id, mun, sex, age (collapsed raking categories), complete (0/1), y (0/1), w_java
# targets.csv:     dim (mun|sex|age), category, total  (the scaled, collapsed targets Java raked to)
# Writes <dir>/weights-r.csv (id, w_r) and prints key=value lines for the test to read.
suppressPackageStartupMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
d <- read.csv(file.path(dir, "respondents.csv"), stringsAsFactors = FALSE,
              colClasses = c(id = "integer", mun = "character", sex = "character", age = "character"))
t <- read.csv(file.path(dir, "targets.csv"), stringsAsFactors = FALSE)
pop <- function(dim, var) {
  x <- t[t$dim == dim, ]
  df <- data.frame(x$category, x$total, stringsAsFactors = FALSE)
  names(df) <- c(var, "Freq")
  df
}
known <- d[d$complete == 1, ]
known$w0 <- 1
base <- svydesign(ids = ~1, weights = ~w0, data = known)
margins <- list(~mun, ~sex, ~age)
popl <- list(pop("mun", "mun"), pop("sex", "sex"), pop("age", "age"))
keep <- sapply(popl, nrow) > 0
converged <- TRUE
raked <- withCallingHandlers(
  rake(base, margins[keep], popl[keep], control = list(maxit = 1000, epsilon = 1e-13)),
  warning = function(w) { converged <<- FALSE; invokeRestart("muffleWarning") })
known$w_r <- weights(raked)
# Incomplete profiles get the base weight N/n (N = all weights Java used; R derives it from the targets).
n_all <- nrow(d)
n_known <- nrow(known)
N <- sum(pop("mun", "mun")$Freq) * n_all / n_known
d$w_r <- N / n_all
d$w_r[match(known$id, d$id)] <- known$w_r
write.csv(d[, c("id", "w_r")], file.path(dir, "weights-r.csv"), row.names = FALSE)

cat("r_converged=", converged, "\n", sep = "")
cat("max_rel_weight_diff=", format(max(abs(d$w_r - d$w_java) / d$w_r), digits = 17), "\n", sep = "")
fixed <- svymean(~y, svydesign(ids = ~1, weights = ~w_java, data = d))
cat("fixed_mean=", format(coef(fixed)[[1]], digits = 17), "\n", sep = "")
cat("fixed_se=", format(SE(fixed)[[1]], digits = 17), "\n", sep = "")
rw <- svymean(~y, svydesign(ids = ~1, weights = ~w_r, data = d))
cat("rweights_mean=", format(coef(rw)[[1]], digits = 17), "\n", sep = "")
cat("rweights_se=", format(SE(rw)[[1]], digits = 17), "\n", sep = "")
# Calibration-adjusted SE (what svymean gives on the raked design), on the complete profiles only,
# beside the fixed-weight SE of the same respondents and weights.
cal <- svymean(~y, raked)
cat("calibrated_known_mean=", format(coef(cal)[[1]], digits = 17), "\n", sep = "")
cat("calibrated_known_se=", format(SE(cal)[[1]], digits = 17), "\n", sep = "")
fk <- svymean(~y, svydesign(ids = ~1, weights = ~w_r, data = known))
cat("fixed_known_se=", format(SE(fk)[[1]], digits = 17), "\n", sep = "")
cat("weights_summary=", paste(format(summary(d$w_r), digits = 6), collapse = " "), "\n", sep = "")
