## -*- texinfo -*-
## @deftypefn {} {[@dots{}] =} harness_call (@var{name}, @dots{})
## [out...] = dlfp.<name> (args...): calls a function of the +dlfp package by its short name.
##
## The harness calls through this one plain function so that it never relies on how oct2py
## resolves dotted package names.
## @end deftypefn
function varargout = harness_call (name, varargin)
  [varargout{1:nargout}] = feval (["dlfp." name], varargin{:});
end
