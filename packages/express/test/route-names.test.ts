import { ATTR_HTTP_ROUTE } from '@opentelemetry/semantic-conventions';
import { useTestTracing } from '@otelware/test-support';
import type { Express, Request, Response } from 'express';
import request from 'supertest';
import { tracing } from '../src';
import { expressMajors } from './frameworks';

const otel = useTestTracing();
const ok = (_req: Request, res: Response) => {
  res.json({ ok: true });
};

describe.each(expressMajors)('route templates on Express $major', ({ major, express }) => {
  function app(): Express {
    const created = express();
    created.use(tracing());
    return created;
  }

  async function spanFor(target: Express, method: 'get' | 'put', path: string, status = 200) {
    await request(target)[method](path).expect(status);
    const [span] = await otel.serverSpans();
    return { name: span?.name, route: span?.attributes[ATTR_HTTP_ROUTE] };
  }

  it('names a plain route by its template', async () => {
    const target = app();
    target.get('/users/:id', ok);
    expect(await spanFor(target, 'get', '/users/42')).toEqual({
      name: 'GET /users/:id',
      route: '/users/:id',
    });
  });

  it('includes the mount path of a router', async () => {
    const target = app();
    const router = express.Router();
    router.get('/users/:id', ok);
    target.use('/api', router);
    expect(await spanFor(target, 'get', '/api/users/7')).toEqual({
      name: 'GET /api/users/:id',
      route: '/api/users/:id',
    });
  });

  it('includes every level of nested routers', async () => {
    const target = app();
    const api = express.Router();
    const v1 = express.Router();
    v1.get('/users/:id', ok);
    api.use('/v1', v1);
    target.use('/api', api);
    expect(await spanFor(target, 'get', '/api/v1/users/7')).toEqual({
      name: 'GET /api/v1/users/:id',
      route: '/api/v1/users/:id',
    });
  });

  it('keeps the parameters of a parameterised mount path as a template', async () => {
    const target = app();
    const members = express.Router({ mergeParams: true });
    members.get('/members/:memberId', (req, res) => {
      res.json(req.params);
    });
    target.use('/orgs/:orgId', members);
    const response = await request(target).get('/orgs/acme/members/9').expect(200);
    expect(response.body).toEqual({ orgId: 'acme', memberId: '9' });
    const [span] = await otel.serverSpans();
    expect(span?.name).toBe('GET /orgs/:orgId/members/:memberId');
    expect(span?.attributes[ATTR_HTTP_ROUTE]).toBe('/orgs/:orgId/members/:memberId');
  });

  it('names every request alike under many concrete prefixes of a parameterised mount', async () => {
    const target = app();
    const members = express.Router({ mergeParams: true });
    members.get('/members/:memberId', ok);
    target.use('/orgs/:orgId', members);
    // more distinct prefixes than the adapter remembers per route, then the first again
    for (const org of [...Array.from({ length: 70 }, (_, i) => `org${i}`), 'org0']) {
      await request(target).get(`/orgs/${org}/members/1`).expect(200);
    }
    const names = new Set((await otel.serverSpans()).map((span) => span.name));
    expect([...names]).toEqual(['GET /orgs/:orgId/members/:memberId']);
  });

  it('names one router mounted in two apps by the mounts of the app that answered', async () => {
    const shared = express.Router();
    shared.get('/items/:id', ok);
    const first = app();
    first.use('/first', shared);
    const second = app();
    second.use('/second', shared);
    await request(first).get('/first/items/1').expect(200);
    await request(second).get('/second/items/1').expect(200);
    await request(first).get('/first/items/2').expect(200);
    const names = (await otel.serverSpans()).map((span) => span.name);
    expect(names).toEqual([
      'GET /first/items/:id',
      'GET /second/items/:id',
      'GET /first/items/:id',
    ]);
  });

  it('does not mistake a parameter value that equals a literal segment for the literal', async () => {
    const target = app();
    const members = express.Router({ mergeParams: true });
    members.get('/members/:memberId', ok);
    target.use('/orgs/:orgId', members);
    expect(await spanFor(target, 'get', '/orgs/orgs/members/members')).toEqual({
      name: 'GET /orgs/:orgId/members/:memberId',
      route: '/orgs/:orgId/members/:memberId',
    });
  });

  it('names each method of app.route() by the shared path', async () => {
    const target = app();
    target.route('/items/:id').get(ok).put(ok);
    expect(await spanFor(target, 'put', '/items/3')).toEqual({
      name: 'PUT /items/:id',
      route: '/items/:id',
    });
  });

  it('includes the mount path of a sub-application', async () => {
    const target = app();
    const admin = express();
    const settings = express.Router();
    settings.get('/:section', ok);
    admin.get('/stats/:day', ok);
    admin.use('/settings', settings);
    target.use('/admin', admin);
    expect(await spanFor(target, 'get', '/admin/stats/monday')).toEqual({
      name: 'GET /admin/stats/:day',
      route: '/admin/stats/:day',
    });
    otel.exporter.reset();
    expect(await spanFor(target, 'get', '/admin/settings/mail')).toEqual({
      name: 'GET /admin/settings/:section',
      route: '/admin/settings/:section',
    });
  });

  it('names a route declared with an array of paths by the element that matched', async () => {
    const target = app();
    target.get(['/photos/:id', '/pictures/:id'], ok);
    expect(await spanFor(target, 'get', '/pictures/5')).toEqual({
      name: 'GET /pictures/:id',
      route: '/pictures/:id',
    });
    otel.exporter.reset();
    expect(await spanFor(target, 'get', '/photos/6')).toEqual({
      name: 'GET /photos/:id',
      route: '/photos/:id',
    });
  });

  it('names an array of paths in a router under a parameterised mount by the element that matched', async () => {
    const target = app();
    const albums = express.Router({ mergeParams: true });
    albums.get(['/photos/:id', '/pictures/:id'], ok);
    target.use('/users/:userId', albums);
    expect(await spanFor(target, 'get', '/users/3/pictures/5')).toEqual({
      name: 'GET /users/:userId/pictures/:id',
      route: '/users/:userId/pictures/:id',
    });
    otel.exporter.reset();
    expect(await spanFor(target, 'get', '/users/3/photos/5')).toEqual({
      name: 'GET /users/:userId/photos/:id',
      route: '/users/:userId/photos/:id',
    });
  });

  it('names an array of paths in a sub-application by the element that matched', async () => {
    const target = app();
    const admin = express();
    admin.get(['/stats/:day', '/reports/:day'], ok);
    target.use('/admin', admin);
    expect(await spanFor(target, 'get', '/admin/reports/monday')).toEqual({
      name: 'GET /admin/reports/:day',
      route: '/admin/reports/:day',
    });
  });

  it('names an array of paths by the first element that matches when several do', async () => {
    const target = app();
    target.get(['/items/new', '/items/:id', '/:section/:id'], ok);
    expect(await spanFor(target, 'get', '/items/7')).toEqual({
      name: 'GET /items/:id',
      route: '/items/:id',
    });
  });

  it('names an array holding a RegExp by the RegExp source when it matched', async () => {
    const target = app();
    target.get(['/files/:name', /^\/archive\/\d+$/], ok);
    expect(await spanFor(target, 'get', '/archive/2024')).toEqual({
      name: 'GET /^\\/archive\\/\\d+$/',
      route: '/^\\/archive\\/\\d+$/',
    });
  });

  it('names an array of paths by the element that matched when an error is handled outside its router', async () => {
    const target = app();
    const albums = express.Router();
    albums.get(['/photos/:id', '/pictures/:id'], () => {
      throw new Error('broken');
    });
    target.use('/api', albums);
    target.use((_err: Error, _req: Request, res: Response, _next: () => void) => {
      res.status(500).send('handled');
    });
    expect(await spanFor(target, 'get', '/api/pictures/1', 500)).toEqual({
      name: 'GET /api/pictures/:id',
      route: '/api/pictures/:id',
    });
  });

  it('names a RegExp path by its source, not by the URL', async () => {
    const target = app();
    target.get(/^\/files\/(\d+)$/, ok);
    expect(await spanFor(target, 'get', '/files/123')).toEqual({
      name: 'GET /^\\/files\\/(\\d+)$/',
      route: '/^\\/files\\/(\\d+)$/',
    });
  });

  it('names a router mounted on a RegExp by the RegExp source', async () => {
    const target = app();
    const versioned = express.Router();
    versioned.get('/status', ok);
    target.use(/^\/v\d+/, versioned);
    const expected = '/^\\/v\\d+/' + '/status';
    expect(await spanFor(target, 'get', '/v12/status')).toEqual({
      name: `GET ${expected}`,
      route: expected,
    });
  });

  it('names a wildcard route by its pattern', async () => {
    const target = app();
    const assets = express.Router();
    const wildcard = major === 4 ? '*' : '/{*splat}';
    assets.get(wildcard, ok);
    target.use('/assets', assets);
    const expected = major === 4 ? '/assets/*' : '/assets/{*splat}';
    expect(await spanFor(target, 'get', '/assets/css/site.css')).toEqual({
      name: `GET ${expected}`,
      route: expected,
    });
  });

  it('names an unmatched request by its method alone and leaves the 404 unchanged', async () => {
    const target = app();
    target.get('/users/:id', ok);
    const traced = await request(target).get('/nothing/here').expect(404);
    const bare = express();
    bare.get('/users/:id', ok);
    const untraced = await request(bare).get('/nothing/here').expect(404);
    expect(traced.text).toBe(untraced.text);
    const [span] = await otel.serverSpans();
    expect(span?.name).toBe('GET');
    expect(span?.attributes).not.toHaveProperty(ATTR_HTTP_ROUTE);
    expect(span?.status).toEqual({ code: 0 });
  });

  it('does not leave the prefix of a router that fell through on the final handler', async () => {
    const target = app();
    const api = express.Router();
    api.get('/users/:id', ok);
    target.use('/api', api);
    target.get('/api/health', ok);
    target.use((_req: Request, res: Response) => {
      res.status(404).send('custom not found');
    });
    expect(await spanFor(target, 'get', '/api/health')).toEqual({
      name: 'GET /api/health',
      route: '/api/health',
    });
    otel.exporter.reset();
    expect(await spanFor(target, 'get', '/api/unknown', 404)).toEqual({
      name: 'GET',
      route: undefined,
    });
  });
});
