// The `share` function: share codes, opens, bindings and a sharer's figures.
import * as z from 'zod';
import type { BindingModel, ShareChannel } from '../attribution';

export const TARGET_TYPES = ['product', 'note', 'group', 'campaign', 'koc', 'topic', 'profile'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];
export const CHANNELS = ['chat', 'group', 'moments', 'poster'] as const;

/** Characters a mini-program code's `scene` allows; our codes use only letters and digits. */
export const CODE_PATTERN = /^[0-9A-Za-z]{10}$/;
/** Days a share code stays valid (reused while valid, so a KOC keeps one card per target and channel). */
export const CODE_VALID_DAYS = 90;

/** Where every share link lands: it resolves the code, records the open and moves on. */
export const SHARE_PAGE = 'pages/share/index';

export interface ShareCode {
  code: string;
  /** The page path a card carries (chat/group: the share page with the code). */
  path: string;
  expiresAt: number;
}

/** What a landing page shows: display data only, never an openid. */
export interface ShareLanding {
  code: string;
  channel: ShareChannel;
  targetType: TargetType;
  targetId: string;
  title: string;
  subtitle: string;
  image: string;
  priceFen: number | null;
  sharerNickname: string;
}

export interface OpenResult {
  bound: boolean;
  sharerNickname: string;
  reason: string;
  targetType: TargetType;
  targetId: string;
}

export interface MyBinding {
  scope: string;
  scopeName: string;
  sharerNickname: string;
  channel: ShareChannel;
  reason: string;
  boundAt: number;
  expiresAt: number;
}

export interface CardStats {
  code: string;
  channel: ShareChannel;
  targetType: TargetType;
  targetId: string;
  title: string;
  createdAt: number;
  opens: number;
  uniqueVisitors: number;
  newCustomers: number;
  /** Paid orders the card brought (the binding copied onto the order names this code). */
  orders: number;
  /** What those orders paid, less refunds, in fen. */
  revenueFen: number;
}

export interface AttributionRules {
  model: BindingModel;
  windowDays: number;
  newCustomersOnly: boolean;
}

const code = z.string().min(1).max(64);

/**
 * What the function receives for the top-level field the client filled with
 * wx.cloud.CloudID(getGroupEnterInfo's cloudID): WeChat replaces it with {cloudID, data}, data
 * being the decrypted open data, documented as {opengid, open_single_roomid, group_openid,
 * chat_type, watermark}: `opengid` in lower case. The deprecated getShareInfo spelt it `openGId`,
 * still accepted. Either way it comes out under one name, `opengid`; a group without a readable
 * id (a one-to-one chat, an expired cloudID) still opens the link, only without the group id.
 */
const groupEnterInfo = z
  .object({
    cloudID: z.string().max(512).optional(),
    data: z
      .object({
        opengid: z.string().max(128).optional(),
        openGId: z.string().max(128).optional(),
      })
      .optional(),
  })
  .transform((g): { opengid?: string } => {
    const id = g.data?.opengid || g.data?.openGId;
    return id ? { opengid: id } : {};
  });

export const shareInput = {
  create: z.strictObject({ targetType: z.enum(TARGET_TYPES), targetId: z.string().min(1).max(64), channel: z.enum(CHANNELS) }),
  resolve: z.strictObject({ code }),
  open: z.strictObject({
    code,
    scene: z.number().int().min(1000).max(9999),
    /** Opened inside a group (weapp): see groupEnterInfo. */
    group: groupEnterInfo.optional(),
  }),
  posterCode: z.strictObject({ code }),
  myBinding: z.strictObject({}),
  stats: z.strictObject({}),
  getRules: z.strictObject({}),
  setRules: z.strictObject({
    model: z.enum(['first_touch', 'last_touch']),
    windowDays: z.number().int().min(1).max(90),
    newCustomersOnly: z.boolean(),
  }),
};

export interface ShareResults {
  create: ShareCode;
  resolve: ShareLanding;
  open: OpenResult;
  posterCode: { image: string };
  myBinding: MyBinding[];
  stats: CardStats[];
  getRules: AttributionRules;
  setRules: AttributionRules;
}
