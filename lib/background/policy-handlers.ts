import type { PolicyProtocol } from '../messaging/policy-protocol';
import type { PolicyService } from './policy-service';
import { HandlerError, type Handlers } from './router';

export function createPolicyHandlers(deps: { policy?: Pick<PolicyService, 'current'> }): Pick<Handlers, keyof PolicyProtocol> {
  return {
    async getPolicy() {
      if (!deps.policy) throw new HandlerError('internal', 'The team policy is not available in this context.');
      return deps.policy.current();
    },
  };
}
