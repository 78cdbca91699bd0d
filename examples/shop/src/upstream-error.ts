/** A service this one called answered with a server error. */
export class UpstreamError extends Error {
  constructor(service: string, status: number) {
    super(`${service} answered ${status}`);
  }

  // the exception event's type, as error.type already says
  override readonly name = 'UpstreamError';
}
