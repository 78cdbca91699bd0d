export { printSpans } from './print-spans';
export { sendRequests, type DemoRequest } from './send-requests';
