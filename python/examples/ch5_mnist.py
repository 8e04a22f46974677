"""Chapter 5: MNIST-scale classification: the 8x8 digits, then a Fashion-MNIST subset."""
from common import run

run("digits_adam", "ch5_digits", boundary=False)
run("fashion_subset", "ch5_fashion", boundary=False)
