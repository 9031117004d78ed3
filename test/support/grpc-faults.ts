// Faults between the API and a real Temporal server, injected on the API's gRPC connection: the
// server does the work, the API never hears of it (a lost answer) or is told to wait (a slow query).
import { InterceptingCall, status, type Interceptor } from '@grpc/grpc-js';

/** A switch for one kind of call: `method` is the RPC's name (e.g. 'QueryWorkflow'). */
export interface GrpcFault {
  interceptor: Interceptor;
  /** Arms the fault for the next `times` calls. */
  arm(times?: number): void;
  /** How many calls it has hit. */
  hits(): number;
}

/**
 * Lets the call reach the server and run there, then replaces its answer with UNAVAILABLE, as a
 * connection that breaks after the request was sent.
 */
export function loseAnswers(method: string): GrpcFault {
  let armed = 0;
  let hit = 0;
  const interceptor: Interceptor = (options, nextCall) => {
    if (!options.method_definition.path.endsWith(`/${method}`) || armed === 0) return new InterceptingCall(nextCall(options));
    armed--;
    hit++;
    return new InterceptingCall(nextCall(options), {
      start(metadata, _listener, next) {
        // the answer arrives, but the call ends in UNAVAILABLE: a unary client then reports the error only
        next(metadata, {
          onReceiveStatus: (s, nextStatus) =>
            nextStatus({ ...s, code: status.UNAVAILABLE, details: `injected: the answer to ${method} was lost` }),
        });
      },
    });
  };
  return { interceptor, arm: (times = 1) => (armed = times), hits: () => hit };
}
