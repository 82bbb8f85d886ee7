import type { UpdateProfileInput, UserResults } from '@core/contracts/user';
import { call } from './client';

export const login = () => call<UserResults['login']>('user', 'login');
export const getProfile = () => call<UserResults['getProfile']>('user', 'getProfile');
export const listCampuses = () => call<UserResults['listCampuses']>('user', 'listCampuses');
export const updateProfile = (input: UpdateProfileInput) => call<UserResults['updateProfile']>('user', 'updateProfile', input);
