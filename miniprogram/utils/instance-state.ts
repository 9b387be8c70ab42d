/**
 * State a page keeps but does not render (the match id, the next page number...). It stays out of `data`,
 * so it never travels to the render layer; keyed by the page instance, so two open copies of a page never
 * share it.
 */
export function instanceState<S extends object>(initial: () => S): (owner: object) => S {
  const states = new WeakMap<object, S>();
  return (owner) => {
    let state = states.get(owner);
    if (state === undefined) {
      state = initial();
      states.set(owner, state);
    }
    return state;
  };
}
