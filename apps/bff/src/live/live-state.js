"use strict";
var __assign = (this && this.__assign) || function () {
    __assign = Object.assign || function(t) {
        for (var s, i = 1, n = arguments.length; i < n; i++) {
            s = arguments[i];
            for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p))
                t[p] = s[p];
        }
        return t;
    };
    return __assign.apply(this, arguments);
};
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
exports.LiveState = void 0;
exports.toLiveDevice = toLiveDevice;
var device_status_ts_1 = require("../history/device-status.ts");
function toLiveDevice(gatewayID, info) {
    return {
        deviceID: info.deviceID,
        gatewayID: gatewayID,
        status: info.status,
        statusName: (0, device_status_ts_1.statusName)(info.status),
        type: info.type,
        connectionMode: info.connectionMode,
        IPAddr: info.IPAddr,
        port: info.port,
        useSSL: info.useSSL,
        autoReconnect: info.autoReconnect,
    };
}
var LiveState = /** @class */ (function () {
    function LiveState() {
        this.gateways = new Map();
        this.deviceGateway = new Map();
    }
    LiveState.prototype.ensureGateway = function (gatewayID, tenantID) {
        var gw = this.gateways.get(gatewayID);
        if (!gw) {
            gw = { gatewayID: gatewayID, tenantID: tenantID, connected: false, seq: 0, degradedBy: new Set(), devices: new Map() };
            this.gateways.set(gatewayID, gw);
        }
        else if (tenantID !== undefined) {
            gw.tenantID = tenantID;
        }
        return gw;
    };
    LiveState.prototype.gatewayOf = function (deviceID) {
        return this.deviceGateway.get(deviceID);
    };
    /**
     * Replaces a gateway's devices with a fresh GetDeviceList answer and reports the differences:
     * status changes of known devices, devices that appeared and devices that left (also from the
     * gateway a moved device was on before).
     */
    LiveState.prototype.applyDeviceList = function (gatewayID, infos, at) {
        var _a;
        var gw = this.gateways.get(gatewayID);
        if (!gw)
            throw new Error("live state: unknown gateway ".concat(gatewayID));
        var diffs = new Map();
        var diffOf = function (id) {
            var d = diffs.get(id);
            if (!d)
                diffs.set(id, (d = { changes: [], added: [], removed: [] }));
            return d;
        };
        var seen = new Set();
        for (var _i = 0, infos_1 = infos; _i < infos_1.length; _i++) {
            var info = infos_1[_i];
            seen.add(info.deviceID);
            var next = toLiveDevice(gatewayID, info);
            var prev = gw.devices.get(info.deviceID);
            if (!prev) {
                var other = this.deviceGateway.get(info.deviceID);
                if (other !== undefined && other !== gatewayID) {
                    (_a = this.gateways.get(other)) === null || _a === void 0 ? void 0 : _a.devices.delete(info.deviceID);
                    diffOf(other).removed.push(info.deviceID);
                }
                diffOf(gatewayID).added.push(next);
            }
            else if (prev.status !== next.status) {
                diffOf(gatewayID).changes.push({ deviceID: next.deviceID, gatewayID: gatewayID, status: next.status, statusName: next.statusName, at: at });
            }
            gw.devices.set(info.deviceID, next);
            this.deviceGateway.set(info.deviceID, gatewayID);
        }
        for (var _b = 0, _c = __spreadArray([], gw.devices.keys(), true); _b < _c.length; _b++) {
            var deviceID = _c[_b];
            if (seen.has(deviceID))
                continue;
            gw.devices.delete(deviceID);
            if (this.deviceGateway.get(deviceID) === gatewayID)
                this.deviceGateway.delete(deviceID);
            diffOf(gatewayID).removed.push(deviceID);
        }
        return diffs;
    };
    /** Applies a streamed status change; undefined when the device is unknown (refresh the lists). */
    LiveState.prototype.applyChange = function (deviceID, status, at) {
        var _a;
        var gatewayID = this.deviceGateway.get(deviceID);
        var device = gatewayID === undefined ? undefined : (_a = this.gateways.get(gatewayID)) === null || _a === void 0 ? void 0 : _a.devices.get(deviceID);
        if (gatewayID === undefined || !device)
            return undefined;
        var changed = device.status !== status;
        device.status = status;
        device.statusName = (0, device_status_ts_1.statusName)(status);
        return { change: { deviceID: deviceID, gatewayID: gatewayID, status: status, statusName: device.statusName, at: at }, changed: changed };
    };
    /** true when the flag changed */
    LiveState.prototype.setGatewayConnected = function (gatewayID, connected) {
        var gw = this.gateways.get(gatewayID);
        if (!gw || gw.connected === connected)
            return false;
        gw.connected = connected;
        return true;
    };
    LiveState.prototype.modeOf = function (gatewayID) {
        var _a, _b;
        return ((_b = (_a = this.gateways.get(gatewayID)) === null || _a === void 0 ? void 0 : _a.degradedBy.size) !== null && _b !== void 0 ? _b : 0) > 0 ? 'degraded' : 'live';
    };
    LiveState.prototype.snapshot = function (gatewayIDs) {
        var gateways = [];
        var devices = [];
        var mode = 'live';
        for (var _i = 0, gatewayIDs_1 = gatewayIDs; _i < gatewayIDs_1.length; _i++) {
            var id = gatewayIDs_1[_i];
            var gw = this.gateways.get(id);
            if (!gw)
                continue;
            var gwMode = this.modeOf(id);
            if (gwMode === 'degraded')
                mode = 'degraded';
            gateways.push({ gatewayID: id, connected: gw.connected, seq: gw.seq, mode: gwMode });
            for (var _a = 0, _b = gw.devices.values(); _a < _b.length; _a++) {
                var d = _b[_a];
                devices.push(__assign({}, d));
            }
        }
        return { mode: mode, gateways: gateways, devices: devices };
    };
    return LiveState;
}());
exports.LiveState = LiveState;
