"""The Python twin's view of a scenario before training, which the cross-check, the gradient
check and the fixtures all start from."""
import dlfp


def scenario_inputs(path):
    """scenario, X, labels, Y, params0 and rng: the checked data, its targets, the initial
    parameters and the stream's state after them (where training's draws begin).

    Raises dlfp.DlfpError on a bad scenario or bad data, as dlfp.run_scenario would.
    """
    s = dlfp.read_scenario(str(path))
    X, labels = dlfp.load_data(s)
    dlfp.check_data(X, labels, s["layers"], s["activations"][-1])
    Y = dlfp.labels_to_targets(labels, s["activations"][-1], s["layers"][-1])
    params0, rng = dlfp.initialize_parameters(s["layers"], s["init"], dlfp.rng_create(s["seed"]))
    return {"scenario": s, "X": X, "labels": labels, "Y": Y, "params0": params0, "rng": rng}
