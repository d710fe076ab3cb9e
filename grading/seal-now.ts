/**
 * Imported first by every grading entry (the Node sandbox, the browser bundle, the page's
 * worker), so that lockdown runs before any harness module is evaluated.
 */
import { sealRealm } from './seal.ts';

sealRealm();
