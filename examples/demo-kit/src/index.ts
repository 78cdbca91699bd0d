export { sendRequests, type DemoRequest, type SendOptions } from './send-requests';
