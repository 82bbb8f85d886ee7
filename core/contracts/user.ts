// The `user` function's actions: input schemas (checked by the function before anything is
// written) and result types (shared with the app's API client).
import * as z from 'zod';
import { GRADES, INTERESTS, INTERESTS_MAX, MAJOR_MAX, NICKNAME_MAX, type Role } from '../profile';

export interface Profile {
  openid: string;
  roles: Role[];
  campusId: string | null;
  campusName: string | null;
  nickname: string;
  avatarUrl: string;
  grade: string | null;
  major: string;
  interests: string[];
  createdAt: number;
}

export interface Campus {
  id: string;
  name: string;
  city: string;
}

const trimmed = (max: number, label: string) =>
  z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().max(max, `${label}最多 ${max} 个字`));

export const userInput = {
  login: z.strictObject({}),
  getProfile: z.strictObject({}),
  listCampuses: z.strictObject({}),
  updateProfile: z.strictObject({
    nickname: trimmed(NICKNAME_MAX, '昵称').pipe(z.string().min(1, '昵称不能为空')).optional(),
    avatarUrl: z
      .string()
      .max(512)
      .regex(/^(cloud:\/\/|https:\/\/|\/files\/|\/assets\/)/, '头像地址无效')
      .optional(),
    campusId: z.string().min(1).max(64).nullable().optional(),
    grade: z.enum(GRADES).nullable().optional(),
    major: trimmed(MAJOR_MAX, '专业').optional(),
    interests: z.array(z.enum(INTERESTS)).max(INTERESTS_MAX, `兴趣最多选 ${INTERESTS_MAX} 个`).optional(),
  }),
};

export type UpdateProfileInput = z.input<typeof userInput.updateProfile>;

export interface UserResults {
  login: { profile: Profile; isNew: boolean };
  getProfile: Profile;
  listCampuses: Campus[];
  updateProfile: Profile;
}
