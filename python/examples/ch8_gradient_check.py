"""Chapter 8: gradient checking: backward propagation against centered finite differences."""
from common import dlfp, scenario

s = dlfp.read_scenario(scenario("l2_dropout_spiral"))
X, labels = dlfp.load_data(s)
X, labels = X[:, 1:33], labels[1:33]  # skip the spiral's centre point, where relus sit on 0
Y = dlfp.labels_to_targets(labels, s["activations"][-1], s["layers"][-1])
params, _ = dlfp.initialize_parameters(s["layers"], s["init"], dlfp.rng_create(s["seed"]))
r = dlfp.gradient_check(X, Y, params, s["activations"], 0.1)
# The difference itself (about 1e-8) is rounding noise magnified by 1/epsilon, so its digits
# differ between Python, R and Octave; the verdict against 1e-7 is what they share.
print(f"gradient check over {r['checked']} parameters, {r['kinks']} relu kinks skipped: "
      f"difference {'below' if r['difference'] < 1e-7 else 'ABOVE'} 1e-7: "
      f"{'ok' if r['difference'] < 1e-7 else 'FAILED'}")
