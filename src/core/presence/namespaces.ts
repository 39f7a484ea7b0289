export const PIDF_NS = 'urn:ietf:params:xml:ns:pidf';
export const DATA_MODEL_NS = 'urn:ietf:params:xml:ns:pidf:data-model';
export const RPID_NS = 'urn:ietf:params:xml:ns:pidf:rpid';
export const DIALOG_INFO_NS = 'urn:ietf:params:xml:ns:dialog-info';
/** Our own extension: the profile name/number and the call state as our app shows it. */
export const PROFILTELEFON_NS = 'urn:x-profiltelefon:presence';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
