# Reference figures for ScaleQualityRCheckTest: Rscript quality-check.R sample.csv
# Reads a CSV of 1-5 item answers (NA = not a scale answer), keeps listwise-complete rows, prints "name,value" lines.
# Omega: psych::omega(x, nfactors = 1) needs the GPArotation package (not in Debian's r-cran-psych dependencies), so
# omega is computed from the one-factor minres loadings of psych::fa on the correlation matrix:
#   omega_total = (sum l)^2 / ((sum l)^2 + sum(1 - l^2))        (model-implied total variance)
#   omega_observed = 1 - sum(1 - l^2) / sum(cor(x))             (what psych::omega reports as omega.tot)
suppressPackageStartupMessages(library(psych))
args <- commandArgs(trailingOnly = TRUE)
x <- na.omit(read.csv(args[1]))
out <- function(name, value) cat(sprintf("%s,%.17g\n", name, value))
out("n", nrow(x))
a <- psych::alpha(x, warnings = FALSE)
out("raw_alpha", a$total$raw_alpha)
ci <- psych::alpha.ci(a$total$raw_alpha, nrow(x), ncol(x))
out("alpha_lower", ci$lower.ci)
out("alpha_upper", ci$upper.ci)
for (i in seq_len(ncol(x))) {
  out(paste0("alpha_drop_", i), a$alpha.drop$raw_alpha[i])
  out(paste0("r_drop_", i), a$item.stats$r.drop[i])
}
f <- psych::fa(x, nfactors = 1, fm = "minres")
l <- as.numeric(f$loadings)
if (sum(l) < 0) l <- -l
for (i in seq_along(l)) out(paste0("loading_", i), l[i])
out("omega_total", sum(l)^2 / (sum(l)^2 + sum(1 - l^2)))
out("omega_observed", 1 - sum(1 - l^2) / sum(cor(x)))
