import { PhoneController } from './phoneController';
import { appPhoneEnvironment } from './phoneEnvironment';

/** The app's one phone. */
export const phone = new PhoneController(appPhoneEnvironment);
