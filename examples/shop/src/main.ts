// The shop demo: three traced services in one process, a few requests, one waterfall per trace.
import { runShop } from './run-shop';

await runShop();
