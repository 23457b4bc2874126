/** QR codes of short texts (the dashboard's address for a phone's camera), as modules and as terminal text. */
package org.isoband.gateway.qr;
