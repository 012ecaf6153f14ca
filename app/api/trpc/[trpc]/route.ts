import { createRequestContext } from '../../../../server/auth/request-context';
import { handleTrpcRequest } from '../../../../server/trpc/http-handler';

const handler = (req: Request) => handleTrpcRequest(req, createRequestContext);

export { handler as GET, handler as POST };
