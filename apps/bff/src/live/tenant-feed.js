"use strict";
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
var __generator = (this && this.__generator) || function (thisArg, body) {
    var _ = { label: 0, sent: function() { if (t[0] & 1) throw t[1]; return t[1]; }, trys: [], ops: [] }, f, y, t, g = Object.create((typeof Iterator === "function" ? Iterator : Object).prototype);
    return g.next = verb(0), g["throw"] = verb(1), g["return"] = verb(2), typeof Symbol === "function" && (g[Symbol.iterator] = function() { return this; }), g;
    function verb(n) { return function (v) { return step([n, v]); }; }
    function step(op) {
        if (f) throw new TypeError("Generator is already executing.");
        while (g && (g = 0, op[0] && (_ = 0)), _) try {
            if (f = 1, y && (t = op[0] & 2 ? y["return"] : op[0] ? y["throw"] || ((t = y["return"]) && t.call(y), 0) : y.next) && !(t = t.call(y, op[1])).done) return t;
            if (y = 0, t) op = [op[0] & 2, t.value];
            switch (op[0]) {
                case 0: case 1: t = op; break;
                case 4: _.label++; return { value: op[1], done: false };
                case 5: _.label++; y = op[1]; op = [0]; continue;
                case 7: op = _.ops.pop(); _.trys.pop(); continue;
                default:
                    if (!(t = _.trys, t = t.length > 0 && t[t.length - 1]) && (op[0] === 6 || op[0] === 2)) { _ = 0; continue; }
                    if (op[0] === 3 && (!t || (op[1] > t[0] && op[1] < t[3]))) { _.label = op[1]; break; }
                    if (op[0] === 6 && _.label < t[1]) { _.label = t[1]; t = op; break; }
                    if (t && _.label < t[2]) { _.label = t[2]; _.ops.push(op); break; }
                    if (t[2]) _.ops.pop();
                    _.trys.pop(); continue;
            }
            op = body.call(thisArg, _);
        } catch (e) { op = [6, e]; y = 0; } finally { f = t = 0; }
        if (op[0] & 5) throw op[1]; return { value: op[0] ? op[1] : void 0, done: true };
    }
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
exports.TenantFeed = void 0;
var hub_context_ts_1 = require("./hub-context.ts");
var run_feed_ts_1 = require("./run-feed.ts");
/** An unknown device triggers a list refresh at most this often (a device the master lists nowhere must not cause a reload storm). */
var UNKNOWN_DEVICE_RELOAD_MS = 2000;
/** Changes held during a list read; beyond this, older ones go (the lists being read supersede them). */
var MAX_HELD = 100000;
var TenantFeed = /** @class */ (function () {
    function TenantFeed(tenantID, gatewayIDs, ctx) {
        var _this = this;
        this.tenantID = tenantID;
        this.gatewayIDs = gatewayIDs;
        this.ctx = ctx;
        this.reloadAgain = false;
        this.held = [];
        this.lastUnknownReload = 0;
        this.lastDropped = 0;
        /** Settles after the first list load, or the first stream error (so start() never hangs on a dead master). */
        this.ready = new Promise(function (resolve) { return (_this.resolveReady = resolve); });
        this.key = "device-stream:".concat(tenantID);
    }
    TenantFeed.prototype.start = function () {
        var _this = this;
        for (var _i = 0, _a = this.gatewayIDs; _i < _a.length; _i++) {
            var id = _a[_i];
            this.ctx.state.ensureGateway(id, this.tenantID);
        }
        // Degraded until the first lists are read: a snapshot before that would claim an empty world is live.
        this.ctx.setDegraded(this.key, this.gatewayIDs, 'starting');
        this.sub = this.ctx.pool.forTenant(this.tenantID).subscribeDeviceStatus({ maxBuffered: 100000 });
        void (0, run_feed_ts_1.runFeed)(this.sub, {
            subscribed: function (resubscribed) { return _this.onSubscribed(resubscribed); },
            change: function (change) { return _this.onChange(change); },
            error: function (error, retryInMs) {
                var _a;
                _this.ctx.logger.warn('live: device status stream broke', { tenantID: _this.tenantID, error: error, retryInMs: retryInMs });
                _this.ctx.setDegraded(_this.key, _this.gatewayIDs, "device status stream: ".concat((_a = error.codeName) !== null && _a !== void 0 ? _a : error.message));
                _this.resolveReady();
            },
        }, this.ctx.logger.child({ tenantID: this.tenantID }));
    };
    TenantFeed.prototype.stop = function () {
        var _a;
        (_a = this.sub) === null || _a === void 0 ? void 0 : _a.cancel();
    };
    /** New gateways of this tenant (tenant map refresh): follow them and read their lists. */
    TenantFeed.prototype.addGateways = function (ids) {
        var _this = this;
        var fresh = ids.filter(function (id) { return !_this.gatewayIDs.includes(id); });
        if (fresh.length === 0)
            return;
        this.gatewayIDs = __spreadArray(__spreadArray([], this.gatewayIDs, true), fresh, true);
        for (var _i = 0, fresh_1 = fresh; _i < fresh_1.length; _i++) {
            var id = fresh_1[_i];
            this.ctx.state.ensureGateway(id, this.tenantID);
        }
        void this.reload();
    };
    TenantFeed.prototype.onSubscribed = function (resubscribed) {
        var _this = this;
        this.ctx.logger.info('live: device status stream subscribed', { tenantID: this.tenantID, resubscribed: resubscribed });
        void this.reload().then(function () {
            _this.ctx.setLive(_this.key, _this.gatewayIDs);
            _this.resolveReady();
        });
    };
    TenantFeed.prototype.onChange = function (change) {
        var _a, _b;
        if (this.loading) {
            if (this.held.length >= MAX_HELD)
                this.held.shift();
            this.held.push(change);
            return;
        }
        this.apply(change);
        // The gsdk queue drops the oldest changes when we fall behind; then only a re-read is exact.
        var dropped = (_b = (_a = this.sub) === null || _a === void 0 ? void 0 : _a.dropped) !== null && _b !== void 0 ? _b : 0;
        if (dropped > this.lastDropped) {
            this.lastDropped = dropped;
            this.ctx.logger.warn('live: status changes were dropped by the stream queue; re-reading lists', { tenantID: this.tenantID, dropped: dropped });
            void this.reload();
        }
    };
    TenantFeed.prototype.apply = function (change) {
        // Our clock, not the master's second-resolution timestamp: reconciliation diffs can only be
        // stamped with our clock, and history must order both kinds the same way.
        var at = Date.now();
        var result = this.ctx.state.applyChange(change.deviceID, change.status, at);
        if (!result) {
            var now = Date.now();
            if (now - this.lastUnknownReload >= UNKNOWN_DEVICE_RELOAD_MS) {
                this.lastUnknownReload = now;
                this.held.push(change);
                void this.reload();
            }
            else {
                this.ctx.logger.debug('live: change for a device on none of the tenant gateways', { tenantID: this.tenantID, deviceID: change.deviceID });
            }
            return;
        }
        if (result.changed)
            this.ctx.batcher.change(result.change.gatewayID, result.change);
        (0, hub_context_ts_1.recordSafely)(this.ctx, { deviceID: change.deviceID, gatewayID: result.change.gatewayID, status: change.status, at: at });
    };
    /** Reads every gateway's device list (single flight; a request during a read runs one more read). */
    TenantFeed.prototype.reload = function () {
        var _this = this;
        if (this.loading) {
            this.reloadAgain = true;
            return this.loading;
        }
        this.loading = (function () { return __awaiter(_this, void 0, void 0, function () {
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0:
                        this.reloadAgain = false;
                        return [4 /*yield*/, this.readLists()];
                    case 1:
                        _a.sent();
                        _a.label = 2;
                    case 2:
                        if (this.reloadAgain) return [3 /*break*/, 0];
                        _a.label = 3;
                    case 3: return [2 /*return*/];
                }
            });
        }); })().finally(function () {
            _this.loading = undefined;
            var held = _this.held;
            _this.held = [];
            for (var _i = 0, held_1 = held; _i < held_1.length; _i++) {
                var change = held_1[_i];
                _this.onChange(change);
            }
        });
        return this.loading;
    };
    TenantFeed.prototype.readLists = function () {
        return __awaiter(this, void 0, void 0, function () {
            var client;
            var _this = this;
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0:
                        client = this.ctx.pool.forTenant(this.tenantID);
                        return [4 /*yield*/, Promise.all(this.gatewayIDs.map(function (gatewayID) { return __awaiter(_this, void 0, void 0, function () {
                                var deviceInfos, error_1;
                                var _a;
                                return __generator(this, function (_b) {
                                    switch (_b.label) {
                                        case 0:
                                            _b.trys.push([0, 2, , 3]);
                                            return [4 /*yield*/, client.connectMaster.getDeviceList({ gatewayID: gatewayID })];
                                        case 1:
                                            deviceInfos = (_b.sent()).deviceInfos;
                                            this.ctx.logger.debug('live: device list read', { tenantID: this.tenantID, gatewayID: gatewayID, devices: deviceInfos.length });
                                            (0, hub_context_ts_1.publishDiffs)(this.ctx, this.ctx.state.applyDeviceList(gatewayID, deviceInfos, Date.now()));
                                            return [3 /*break*/, 3];
                                        case 2:
                                            error_1 = _b.sent();
                                            if (((_a = this.ctx.state.gateways.get(gatewayID)) === null || _a === void 0 ? void 0 : _a.connected) === false) {
                                                // A device gateway that left the master manages nothing there (its session-only
                                                // connections are gone); DB-stored ones come back in the list when it rejoins.
                                                (0, hub_context_ts_1.publishDiffs)(this.ctx, this.ctx.state.applyDeviceList(gatewayID, [], Date.now()));
                                                return [2 /*return*/];
                                            }
                                            // Keep the last known devices; the next (re)subscribe, gateway change or unknown device retries.
                                            this.ctx.logger.warn('live: device list not readable', { tenantID: this.tenantID, gatewayID: gatewayID, error: error_1 });
                                            return [3 /*break*/, 3];
                                        case 3: return [2 /*return*/];
                                    }
                                });
                            }); }))];
                    case 1:
                        _a.sent();
                        return [2 /*return*/];
                }
            });
        });
    };
    return TenantFeed;
}());
exports.TenantFeed = TenantFeed;
