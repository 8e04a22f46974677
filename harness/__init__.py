"""dlfp's cross-language harness: drives Python, R (rpy2) and Octave (oct2py) and compares them."""
