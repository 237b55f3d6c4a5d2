"use strict";
var __spreadArray = (this && this.__spreadArray) || function (to, from, pack) {
    if (pack || arguments.length === 2) for (var i = 0, l = from.length, ar; i < l; i++) {
        if (ar || !(i in from)) {
            if (!ar) ar = Array.prototype.slice.call(from, 0, i);
            ar[i] = from[i];
        }
    }
    return to.concat(ar || Array.prototype.slice.call(from));
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.createDeltaBatcher = createDeltaBatcher;
function createDeltaBatcher(windowMs, emit) {
    if (!Number.isFinite(windowMs) || windowMs < 0)
        throw new Error("live: batch window must be >= 0 ms, got ".concat(windowMs));
    var pending = new Map();
    var timer;
    var stopped = false;
    var slot = function (gatewayID) {
        var p = pending.get(gatewayID);
        if (!p)
            pending.set(gatewayID, (p = { changes: [], added: [], removed: [] }));
        if (!timer && !stopped)
            timer = setTimeout(flush, windowMs);
        return p;
    };
    function flush() {
        if (timer)
            clearTimeout(timer);
        timer = undefined;
        if (pending.size === 0)
            return;
        var out = pending;
        pending = new Map();
        for (var _i = 0, out_1 = out; _i < out_1.length; _i++) {
            var _a = out_1[_i], gatewayID = _a[0], delta = _a[1];
            emit(gatewayID, delta);
        }
    }
    // A client applies a delta as removed, then added, then changes. Within one window a device can
    // change and then leave (or leave and come back), so each kind is kept consistent with the last
    // thing that happened to the device: removal drops its earlier rows, an added row supersedes them.
    return {
        change: function (gatewayID, change) { return void slot(gatewayID).changes.push(change); },
        added: function (gatewayID, device) {
            var p = slot(gatewayID);
            p.removed = p.removed.filter(function (id) { return id !== device.deviceID; });
            p.changes = p.changes.filter(function (c) { return c.deviceID !== device.deviceID; });
            p.added = __spreadArray(__spreadArray([], p.added.filter(function (d) { return d.deviceID !== device.deviceID; }), true), [device], false);
        },
        removed: function (gatewayID, deviceID) {
            var p = slot(gatewayID);
            p.changes = p.changes.filter(function (c) { return c.deviceID !== deviceID; });
            p.added = p.added.filter(function (d) { return d.deviceID !== deviceID; });
            if (!p.removed.includes(deviceID))
                p.removed.push(deviceID);
        },
        gateway: function (gatewayID, connected, at) {
            slot(gatewayID).gateway = { connected: connected, at: at };
        },
        flush: flush,
        stop: function () {
            stopped = true;
            if (timer)
                clearTimeout(timer);
            timer = undefined;
            pending = new Map();
        },
    };
}
