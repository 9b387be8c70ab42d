/**
 * The WeChat open APIs the platform's cloud functions call through wx-server-sdk's `cloud.openapi`, typed.
 * The SDK declares `openapi` as `Record<string, any>`; the function kit's adapters take this narrower shape
 * instead, so a misspelt call or field fails the type check. Parameters and replies are the SDK's camelCase
 * forms of WeChat's own (the SDK converts snake_case both ways). Each call needs its name in the calling
 * function's `config.json` under `permissions.openapi` on CloudBase.
 */
declare namespace WxOpenApi {
  /** subscribeMessage.send: one message of a template the user subscribed to (one-time subscriptions). */
  interface SubscribeMessageSendParams {
    readonly touser: string;
    readonly templateId: string;
    readonly page?: string;
    readonly data: Readonly<Record<string, { readonly value: string }>>;
    /** 'developer' | 'trial' | 'formal': which version of the mini-program the message opens. */
    readonly miniprogramState?: string;
    readonly lang?: string;
  }

  /** security.msgSecCheck, version 2: the verdict on a text a user wrote. */
  interface MsgSecCheckParams {
    readonly openid: string;
    /** 1 profile, 2 comment, 3 forum, 4 social log. */
    readonly scene: 1 | 2 | 3 | 4;
    readonly version: 2;
    readonly content: string;
    readonly title?: string;
    readonly nickname?: string;
    readonly signature?: string;
  }

  interface MsgSecCheckReply {
    readonly errCode?: number;
    readonly result?: { readonly suggest?: 'pass' | 'review' | 'risky'; readonly label?: number };
    readonly detail?: readonly unknown[];
  }

  /** phonenumber.getPhoneNumber: the number behind the phone-number button's one-time code. */
  interface GetPhoneNumberParams {
    readonly code: string;
  }

  interface PhoneInfo {
    readonly phoneNumber?: string;
    readonly purePhoneNumber?: string;
    readonly countryCode?: string;
  }

  interface GetPhoneNumberReply {
    readonly errCode?: number;
    readonly phoneInfo?: PhoneInfo;
  }

  /** The part of `cloud.openapi` the platform uses. */
  interface Client {
    readonly subscribeMessage: { send(params: SubscribeMessageSendParams): Promise<unknown> };
    readonly security: { msgSecCheck(params: MsgSecCheckParams): Promise<MsgSecCheckReply> };
    readonly phonenumber: { getPhoneNumber(params: GetPhoneNumberParams): Promise<GetPhoneNumberReply> };
  }
}
