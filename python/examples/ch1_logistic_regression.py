"""Chapter 1: logistic regression as a neural network (breast-cancer data, 30 -> 1 sigmoid)."""
from common import run

run("logreg_breast_cancer", "ch1", boundary=False)
