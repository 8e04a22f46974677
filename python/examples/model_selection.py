"""Model selection (the course): 4 or 5 hidden units on the donut? Cross-validate both, and a few
more widths, then ask a paired t-test whether the best two differ."""
from scipy import stats

from common import dlfp, scenario

WIDTHS = [2, 3, 4, 5, 8]

base = dlfp.read_scenario(scenario("donut_widths"))
scores = {}
for width in WIDTHS:
    s = dict(base, layers=[2, width, 1])
    cv = dlfp.cross_validate(dlfp.prepare_scenario(s))
    scores[width] = [f["test_accuracy"] for f in cv["folds"]]
    print(f"{width} hidden units: mean test accuracy {cv['mean_test_accuracy']:.4f}, "
          f"std {cv['std_test_accuracy']:.4f}, folds "
          + " ".join(f"{a:.4f}" for a in scores[width]))
best, second = sorted(WIDTHS, key=lambda w: -sum(scores[w]))[:2]  # ties: the narrower first


def paired_t_test(a, b):
    t, p = stats.ttest_rel(scores[a], scores[b])
    return (f"{a} vs {b} hidden units: paired t-test over the folds "
            + ("not defined (the same accuracy on every fold)" if t != t else
               f"t = {t:.4f}, p = {p:.4f}"))


print(paired_t_test(4, 5))
print(f"best {best}, runner-up {second}; " + paired_t_test(best, second))
