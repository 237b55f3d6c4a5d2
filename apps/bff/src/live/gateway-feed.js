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
exports.GatewayFeed = void 0;
var run_feed_ts_1 = require("./run-feed.ts");
var GATEWAY_CONNECTED = 1;
var GatewayFeed = /** @class */ (function () {
    function GatewayFeed(ctx) {
        var _this = this;
        this.ctx = ctx;
        this.key = 'gateway-stream';
        /** false until the first Gateway.Get: the first flags are the start state, not changes. */
        this.flagsKnown = false;
        this.ready = new Promise(function (resolve) { return (_this.resolveReady = resolve); });
    }
    GatewayFeed.prototype.allGateways = function () {
        return __spreadArray([], this.ctx.state.gateways.keys(), true);
    };
    GatewayFeed.prototype.start = function () {
        var _this = this;
        this.ctx.setDegraded(this.key, this.allGateways(), 'starting');
        this.sub = this.ctx.pool.admin().subscribeGatewayStatus();
        void (0, run_feed_ts_1.runFeed)(this.sub, {
            subscribed: function (resubscribed) {
                _this.ctx.logger.info('live: gateway status stream subscribed', { resubscribed: resubscribed });
                // A master that was unreachable at start (or restarted) may have tenants we do not follow yet.
                void (resubscribed || _this.ctx.state.gateways.size === 0 ? _this.ctx.refreshTenants() : Promise.resolve())
                    .then(function () { return _this.readFlags(); })
                    .then(function () {
                    _this.ctx.setLive(_this.key, _this.allGateways());
                    _this.resolveReady();
                });
            },
            change: function (change) { return _this.onChange(change); },
            error: function (error, retryInMs) {
                var _a;
                _this.ctx.logger.warn('live: gateway status stream broke', { error: error, retryInMs: retryInMs });
                _this.ctx.setDegraded(_this.key, _this.allGateways(), "gateway status stream: ".concat((_a = error.codeName) !== null && _a !== void 0 ? _a : error.message));
                _this.resolveReady();
            },
        }, this.ctx.logger.child({ stream: 'gateway' }));
    };
    GatewayFeed.prototype.stop = function () {
        var _a;
        (_a = this.sub) === null || _a === void 0 ? void 0 : _a.cancel();
    };
    GatewayFeed.prototype.onChange = function (change) {
        var _this = this;
        var connected = change.status === GATEWAY_CONNECTED;
        this.ctx.logger.debug('live: gateway status change', { gatewayID: change.gatewayID, connected: connected });
        if (!this.ctx.state.gateways.has(change.gatewayID)) {
            // A gateway we do not follow yet: learn which tenant owns it, then apply.
            void this.ctx.refreshTenants().then(function () { return _this.applyFlag(change.gatewayID, connected); });
            return;
        }
        this.applyFlag(change.gatewayID, connected);
    };
    GatewayFeed.prototype.applyFlag = function (gatewayID, connected) {
        if (!this.ctx.state.gateways.has(gatewayID))
            return;
        if (!this.ctx.state.setGatewayConnected(gatewayID, connected))
            return;
        this.ctx.batcher.gateway(gatewayID, connected, Date.now());
        if (this.flagsKnown)
            this.ctx.reloadDevicesOf(gatewayID);
    };
    /** Gateway.Get of every followed gateway; single flight. */
    GatewayFeed.prototype.readFlags = function () {
        var _this = this;
        var _a;
        (_a = this.reading) !== null && _a !== void 0 ? _a : (this.reading = (function () { return __awaiter(_this, void 0, void 0, function () {
            var ids, gatewayInfos, _i, gatewayInfos_1, info, error_1;
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0:
                        ids = this.allGateways();
                        if (ids.length === 0)
                            return [2 /*return*/];
                        _a.label = 1;
                    case 1:
                        _a.trys.push([1, 3, , 4]);
                        return [4 /*yield*/, this.ctx.pool.admin().gateway.get({ gatewayIDs: ids })];
                    case 2:
                        gatewayInfos = (_a.sent()).gatewayInfos;
                        for (_i = 0, gatewayInfos_1 = gatewayInfos; _i < gatewayInfos_1.length; _i++) {
                            info = gatewayInfos_1[_i];
                            this.applyFlag(info.gatewayID, info.isConnected);
                        }
                        this.flagsKnown = true;
                        return [3 /*break*/, 4];
                    case 3:
                        error_1 = _a.sent();
                        this.ctx.logger.warn('live: gateway flags not readable', { error: error_1 });
                        return [3 /*break*/, 4];
                    case 4: return [2 /*return*/];
                }
            });
        }); })().finally(function () { return (_this.reading = undefined); }));
        return this.reading;
    };
    return GatewayFeed;
}());
exports.GatewayFeed = GatewayFeed;
