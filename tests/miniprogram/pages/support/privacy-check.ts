/**
 * WeChat's privacy check as the base library runs it (`__usePrivacyCheck__`): until the user agrees, a
 * privacy API (or `wx.requirePrivacyAuthorize`) calls the app's onNeedPrivacyAuthorization listener with a
 * `resolve`, and goes on only when the answer is an agreement. The state is the test's to set and read.
 */
type PrivacyResolve = (r: { event: string; buttonId?: string }) => void;

export interface PrivacyCheck {
  agreed: boolean;
  listener: ((resolve: PrivacyResolve) => void) | null;
  /** The answers the popup gave, in order. */
  answers: object[];
  reset(): void;
}

export function installPrivacyCheck(): PrivacyCheck {
  const state: PrivacyCheck = {
    agreed: false,
    listener: null,
    answers: [],
    reset() {
      state.agreed = false;
      state.answers.length = 0;
    },
  };
  const globals = wx as unknown as Record<string, unknown>;
  globals['onNeedPrivacyAuthorization'] = (listener: (resolve: PrivacyResolve) => void) => {
    state.listener = listener;
  };
  globals['requirePrivacyAuthorize'] = (o: { success?: () => void; fail?: () => void }) => {
    if (state.agreed) return o.success?.();
    state.listener?.((answer) => {
      state.answers.push(answer);
      state.agreed = answer.event === 'agree';
      return state.agreed ? o.success?.() : o.fail?.();
    });
  };
  return state;
}

/** The agree button of a rendered privacy popup, tapped as WeChat reports it (open-type agreePrivacyAuthorization). */
export function agreeIn(popup: { querySelector(s: string): unknown }): void {
  const agree = popup.querySelector('#privacy-agree-button') as {
    instance: { triggerEvent(n: string, d: object): void };
  } | null;
  if (agree === null) throw new Error('no agree button in the popup');
  agree.instance.triggerEvent('agreeprivacyauthorization', {});
}
