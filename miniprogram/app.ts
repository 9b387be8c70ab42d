// The mini-program entry. Pages and the client API module arrive with the order-loop issue.
App({});
