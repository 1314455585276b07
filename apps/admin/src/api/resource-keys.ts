import { useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * Every property-archive query key starts with this, so one change (a new room, a transfer)
 * refreshes the lists, the tree and the detail pages that may show it.
 */
export const RESOURCES_KEY = 'resources';

/** A mutation that refreshes every archive query (and people, whose links show owners). */
export function useArchiveMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [RESOURCES_KEY] }),
        queryClient.invalidateQueries({ queryKey: ['people'] }),
        queryClient.invalidateQueries({ queryKey: ['vehicles'] }),
      ]);
    },
  });
}
