import { useTestTracing } from '@otelware/test-support';
import type { Express, Request, RequestHandler, Response } from 'express';
import request from 'supertest';
import { tracing } from '../src';
import { expressMajors } from './frameworks';

const otel = useTestTracing();

/** Mounts `middleware` (a new tracing() by default) in `into` (the app by default); without otelware, nothing. */
type Trace = (middleware?: RequestHandler, path?: string, into?: Express) => void;
type Step = (app: Express, trace: Trace) => void;

interface Scenario {
  readonly name: string;
  /** Builds the app; `trace()` is where the app mounts tracing() (nothing without otelware). */
  readonly build: Step;
  readonly paths: readonly string[];
}

function answer(name: string) {
  return (req: Request, res: Response) => {
    res.send(`${name} ${req.originalUrl}`);
  };
}

const CASE_PATHS = ['/Users', '/users', '/USERS', '/Users/'];
const STRICT_PATHS = ['/dir/', '/dir', '/file', '/file/'];

describe.each(expressMajors)('routing settings on Express $major', ({ express }) => {
  const scenarios: Scenario[] = [
    {
      name: 'case sensitive routing enabled after app.use(tracing())',
      build(app, trace) {
        trace();
        app.enable('case sensitive routing');
        app.get('/Users', answer('users'));
      },
      paths: CASE_PATHS,
    },
    {
      name: 'strict routing enabled after app.use(tracing())',
      build(app, trace) {
        trace();
        app.enable('strict routing');
        app.get('/dir/', answer('dir'));
        app.get('/file', answer('file'));
      },
      paths: STRICT_PATHS,
    },
    {
      name: 'both settings enabled before app.use(tracing())',
      build(app, trace) {
        app.enable('case sensitive routing');
        app.enable('strict routing');
        trace();
        app.get('/Users', answer('users'));
        app.get('/dir/', answer('dir'));
      },
      paths: [...CASE_PATHS, '/dir/', '/dir'],
    },
    {
      name: 'settings enabled after the first route, which Express ignores',
      build(app, trace) {
        trace();
        app.get('/Users', answer('users'));
        app.enable('case sensitive routing');
        app.enable('strict routing');
        app.get('/dir/', answer('dir'));
      },
      paths: [...CASE_PATHS, '/dir/', '/dir'],
    },
    {
      name: 'settings enabled after app.param() made the router, which Express ignores',
      build(app, trace) {
        app.param('id', (_req, _res, next) => next());
        trace();
        app.enable('case sensitive routing');
        app.get('/Users', answer('users'));
      },
      paths: CASE_PATHS,
    },
    {
      name: 'a router mounted after the settings',
      build(app, trace) {
        trace();
        app.enable('case sensitive routing');
        app.enable('strict routing');
        const admin = express.Router();
        admin.get('/Panel', answer('panel'));
        app.use('/Admin', admin);
      },
      paths: ['/Admin/Panel', '/admin/panel', '/Admin/panel', '/ADMIN/Panel', '/Admin/Panel/'],
    },
    {
      name: 'tracing() mounted under a prefix',
      build(app, trace) {
        trace(tracing(), '/api');
        app.enable('case sensitive routing');
        app.get('/api/Users', answer('users'));
      },
      paths: ['/api/Users', '/api/users'],
    },
    {
      name: 'a sub-app that mounts tracing() itself',
      build(app, trace) {
        const sub = express();
        trace(tracing(), '/', sub);
        sub.enable('strict routing');
        sub.enable('case sensitive routing');
        sub.get('/Item/', answer('item'));
        app.use('/sub', sub);
      },
      paths: ['/sub/Item/', '/sub/Item', '/sub/item/'],
    },
    {
      name: 'one tracing() mounted in two apps',
      build(app, trace) {
        const shared = tracing();
        const other = express();
        trace(shared, '/', other);
        other.get('/users', answer('other'));
        trace(shared);
        app.enable('case sensitive routing');
        app.get('/Users', answer('users'));
        app.use('/other', other);
      },
      paths: [...CASE_PATHS, '/other/users', '/other/Users'],
    },
    {
      name: 'settings toggled on and off before the first route',
      build(app, trace) {
        trace();
        app.enable('case sensitive routing');
        app.enable('strict routing');
        app.disable('case sensitive routing');
        app.get('/Users', answer('users'));
        app.get('/dir/', answer('dir'));
      },
      paths: [...CASE_PATHS, '/dir/', '/dir'],
    },
  ];

  async function answers(app: Express, paths: readonly string[]) {
    const results: Array<[string, number, string]> = [];
    for (const path of paths) {
      const response = await request(app).get(path);
      results.push([path, response.status, response.text]);
    }
    return results;
  }

  function build(scenario: Scenario, traced: boolean): Express {
    const app = express();
    app.set('env', 'test');
    scenario.build(app, (middleware = tracing(), path = '/', into = app) => {
      if (traced) into.use(path, middleware);
    });
    return app;
  }

  it.each(scenarios)('answers as Express alone does: $name', async (scenario) => {
    const expected = await answers(build(scenario, false), scenario.paths);
    const actual = await answers(build(scenario, true), scenario.paths);
    expect(actual).toEqual(expected);
  });

  it('answers 404 for a case variant once case sensitive routing is enabled after tracing()', async () => {
    const app = express();
    app.use(tracing());
    app.enable('case sensitive routing');
    app.get('/Users', answer('users'));
    await request(app).get('/users').expect(404);
    await request(app).get('/Users').expect(200, 'users /Users');
    const spans = await otel.serverSpans(2);
    expect(spans.map((span) => span.name)).toEqual(['GET', 'GET /Users']);
  });

  it('answers 404 without the trailing slash once strict routing is enabled after tracing()', async () => {
    const app = express();
    app.use(tracing());
    app.enable('strict routing');
    app.get('/dir/', answer('dir'));
    await request(app).get('/dir').expect(404);
    await request(app).get('/dir/').expect(200, 'dir /dir/');
  });

  it('runs the middleware straight from its router layer, leaving no sub-app fields on it', () => {
    const app = express();
    const middleware = tracing();
    app.use(middleware);
    const internals = app as unknown as {
      _router?: { stack: Array<{ name: string; handle: unknown }> };
      router?: { stack: Array<{ name: string; handle: unknown }> };
    };
    const layer = (internals._router ?? internals.router)?.stack.at(-1);
    expect(layer?.handle).toBe(middleware);
    expect(layer?.name).toBe('otelwareTracing');
    expect(middleware).not.toHaveProperty('mountpath');
    expect(middleware).not.toHaveProperty('parent');
  });

  it('leaves the app as Express made it once the router has been used', () => {
    const app = express();
    const before = Object.getOwnPropertyDescriptors(app);
    app.use(tracing());
    app.get('/Users', answer('users'));
    const after = Object.getOwnPropertyDescriptors(app);
    expect(after['router']).toEqual(before['router']);
    expect(after['lazyrouter']).toEqual(before['lazyrouter']);
  });
});
