import { STARTED_MARK } from '../lib/background/start-marks';
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../lib/background';

export default defineBackground(() => {
  startBackground();
  performance.mark(STARTED_MARK);
});
