import { ApiError, createApiClient, unwrap } from '@aishang/client';
import { QueryCache, QueryClient, MutationCache } from '@tanstack/react-query';
import { getLocale } from '../i18n';

export { ApiError, unwrap };
export type { components, paths } from '@aishang/client';

/** The JSON body of a response or request body in the generated types. */
export type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** The one API client of the console: same origin, session cookie, the chosen language. */
export const api = createApiClient(window.location.origin, { locale: getLocale });

export const ME_KEY = ['me'] as const;

function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.statusCode === 401;
}

/** A 401 anywhere means the session ended: forget the profile so the app shows sign-in. */
function onAnyError(error: unknown): void {
  if (isUnauthenticated(error)) queryClient.setQueryData(ME_KEY, null);
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onAnyError }),
  mutationCache: new MutationCache({ onError: onAnyError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failures, error) =>
        !(error instanceof ApiError && error.statusCode < 500) && failures < 2,
    },
  },
});
