"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.publishDiffs = publishDiffs;
exports.recordSafely = recordSafely;
// What the feeds share inside one hub: the state, the batcher, history and the mode switches.
var device_status_ts_1 = require("../history/device-status.ts");
/** Queues a device-list diff as deltas and feeds every status it carries to history. */
function publishDiffs(ctx, diffs) {
    for (var _i = 0, diffs_1 = diffs; _i < diffs_1.length; _i++) {
        var _a = diffs_1[_i], gatewayID = _a[0], diff = _a[1];
        for (var _b = 0, _c = diff.added; _b < _c.length; _b++) {
            var device = _c[_b];
            ctx.batcher.added(gatewayID, device);
            recordSafely(ctx, { deviceID: device.deviceID, gatewayID: gatewayID, status: device.status, at: Date.now() });
        }
        for (var _d = 0, _e = diff.changes; _d < _e.length; _d++) {
            var change = _e[_d];
            ctx.batcher.change(gatewayID, change);
            recordSafely(ctx, { deviceID: change.deviceID, gatewayID: gatewayID, status: change.status, at: change.at });
        }
        for (var _f = 0, _g = diff.removed; _f < _g.length; _f++) {
            var deviceID = _g[_f];
            ctx.batcher.removed(gatewayID, deviceID);
            // Off the managed list is not connected: history (and the connected series) must say so
            // even when the master sent no DISCONNECTED for it (a gateway leaving the master).
            recordSafely(ctx, { deviceID: deviceID, gatewayID: gatewayID, status: device_status_ts_1.DISCONNECTED, at: Date.now() });
        }
    }
}
/** History must never stop the live path: a bad record is logged and skipped. */
function recordSafely(ctx, change) {
    try {
        ctx.history.record(change);
    }
    catch (error) {
        ctx.logger.warn('live: status change not recorded in history', { error: error, deviceID: change.deviceID });
    }
}
