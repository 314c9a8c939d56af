import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { GatewayError } from '../../core/failures';
import type { Gateways } from '../../graph/workspace';

const GatewaysContext = createContext<Gateways | null>(null);

/** Failures worth a quiet second try; a refusal or a conflict is shown at once. */
const retryable = (error: unknown) =>
  error instanceof GatewayError && (error.kind === 'throttled' || error.kind === 'offline');

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) => failures < 2 && retryable(error),
        staleTime: 60_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

/**
 * The one data layer: TanStack Query's cache of server state, over the gateways the app entry
 * built. Screens read both through hooks (review-queries.ts), never a client.
 */
export function DataProvider({ gateways, children }: { gateways: Gateways; children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <GatewaysContext.Provider value={gateways}>{children}</GatewaysContext.Provider>
    </QueryClientProvider>
  );
}

export function useGateways(): Gateways {
  const gateways = useContext(GatewaysContext);
  if (!gateways) throw new Error('useGateways is used outside DataProvider');
  return gateways;
}
