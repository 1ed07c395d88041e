/**
 * Checks shared by every upload endpoint: the extension names an allowed type and the content (magic
 * bytes, for .xlsx also the OOXML parts) agrees with it, a size cap per endpoint, and Apache POI's
 * zip-bomb guards set explicitly for the whole application ({@link org.zugong.platform.upload.Xlsx}).
 */
package org.zugong.platform.upload;
