// The mini-program entry. Pages keep no global state: each calls its services and renders what they return.
App({});
