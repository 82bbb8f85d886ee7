import type { UpdateProfileInput, UserResults } from '@core/contracts/user';
import { call } from './client';

export const login = () => call<UserResults['login'], 'user'>('user', 'login');
export const getProfile = () => call<UserResults['getProfile'], 'user'>('user', 'getProfile');
export const listCampuses = () => call<UserResults['listCampuses'], 'user'>('user', 'listCampuses');
export const updateProfile = (input: UpdateProfileInput) => call<UserResults['updateProfile'], 'user'>('user', 'updateProfile', input);
