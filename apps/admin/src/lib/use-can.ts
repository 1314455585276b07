import { type Profile, useMe } from '../api/auth';

/** Whether the signed-in user holds a permission code. */
export function useCan(): (code: string) => boolean {
  const me = useMe().data as Profile | null | undefined;

  return (code) => me?.permissions.includes(code) ?? false;
}
