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
exports.createLiveHub = createLiveHub;
var delta_batcher_ts_1 = require("./delta-batcher.ts");
var gateway_feed_ts_1 = require("./gateway-feed.ts");
var live_state_ts_1 = require("./live-state.ts");
var socket_handlers_ts_1 = require("./socket-handlers.ts");
var tenant_feed_ts_1 = require("./tenant-feed.ts");
/** start() waits at most this long for the first lists; the hub keeps trying in the background. */
var START_WAIT_MS = 15000;
function createLiveHub(deps) {
    var _a;
    var io = deps.io, pool = deps.pool, rootLogger = deps.logger;
    var logger = rootLogger.child({ module: 'live' });
    var state = new live_state_ts_1.LiveState();
    var feeds = new Map();
    var gatewayFeed;
    var deltasSent = 0;
    var stopped = false;
    var startPromise;
    var refreshing;
    var refreshTimer;
    // Only this process's sockets: with a shared adapter every BFF instance runs its own hub.
    var local = function () { return io.local; };
    var batcher = (0, delta_batcher_ts_1.createDeltaBatcher)((_a = deps.batchWindowMs) !== null && _a !== void 0 ? _a : 10, function (gatewayID, delta) {
        var gw = state.gateways.get(gatewayID);
        if (!gw)
            return;
        gw.seq += 1;
        deltasSent += 1;
        local()
            .to((0, socket_handlers_ts_1.gatewayRoom)(gatewayID))
            .emit('delta', __assign(__assign(__assign({ gatewayID: gatewayID, seq: gw.seq, changes: delta.changes }, (delta.added.length > 0 ? { added: delta.added } : {})), (delta.removed.length > 0 ? { removed: delta.removed } : {})), (delta.gateway ? { gateway: delta.gateway } : {})));
    });
    /** Mode events go per tenant, so no one learns another tenant's gateway IDs. */
    function emitMode(mode, gatewayIDs, reason) {
        var _a, _b, _c;
        if (gatewayIDs.length === 0)
            return;
        batcher.flush(); // deltas queued before the switch arrive before it
        var byTenant = new Map();
        for (var _i = 0, gatewayIDs_1 = gatewayIDs; _i < gatewayIDs_1.length; _i++) {
            var id = gatewayIDs_1[_i];
            var key = (_b = (_a = state.gateways.get(id)) === null || _a === void 0 ? void 0 : _a.tenantID) !== null && _b !== void 0 ? _b : '';
            byTenant.set(key, __spreadArray(__spreadArray([], ((_c = byTenant.get(key)) !== null && _c !== void 0 ? _c : []), true), [id], false));
        }
        for (var _d = 0, _e = byTenant.values(); _d < _e.length; _d++) {
            var ids = _e[_d];
            local()
                .to(ids.map(socket_handlers_ts_1.gatewayRoom))
                .emit('mode', __assign({ mode: mode, gatewayIDs: ids }, (reason === undefined ? {} : { reason: reason })));
        }
    }
    var ctx = {
        state: state,
        batcher: batcher,
        history: deps.history,
        pool: pool,
        logger: logger,
        setDegraded: function (key, gatewayIDs, reason) {
            var turned = [];
            for (var _i = 0, gatewayIDs_2 = gatewayIDs; _i < gatewayIDs_2.length; _i++) {
                var id = gatewayIDs_2[_i];
                var gw = state.gateways.get(id);
                if (!gw)
                    continue;
                if (gw.degradedBy.size === 0)
                    turned.push(id);
                gw.degradedBy.add(key);
            }
            emitMode('degraded', turned, reason);
        },
        setLive: function (key, gatewayIDs) {
            var turned = [];
            for (var _i = 0, gatewayIDs_3 = gatewayIDs; _i < gatewayIDs_3.length; _i++) {
                var id = gatewayIDs_3[_i];
                var gw = state.gateways.get(id);
                if (!gw || !gw.degradedBy.delete(key))
                    continue;
                if (gw.degradedBy.size === 0)
                    turned.push(id);
            }
            emitMode('live', turned);
        },
        refreshTenants: refreshTenants,
        reloadDevicesOf: function (gatewayID) {
            var _a;
            var tenantID = (_a = state.gateways.get(gatewayID)) === null || _a === void 0 ? void 0 : _a.tenantID;
            var feed = tenantID === undefined ? undefined : feeds.get(tenantID);
            if (feed)
                void feed.reload();
        },
    };
    function refreshTenants() {
        var _this = this;
        refreshing !== null && refreshing !== void 0 ? refreshing : (refreshing = (function () { return __awaiter(_this, void 0, void 0, function () {
            var tenants, _i, tenants_1, _a, tenantID, gatewayIDs, feed, fresh;
            return __generator(this, function (_b) {
                switch (_b.label) {
                    case 0: return [4 /*yield*/, pool.tenants()];
                    case 1:
                        tenants = _b.sent();
                        if (stopped)
                            return [2 /*return*/];
                        for (_i = 0, tenants_1 = tenants; _i < tenants_1.length; _i++) {
                            _a = tenants_1[_i], tenantID = _a.tenantID, gatewayIDs = _a.gatewayIDs;
                            if (gatewayIDs.length === 0)
                                continue;
                            feed = feeds.get(tenantID);
                            if (feed) {
                                feed.addGateways(gatewayIDs);
                                continue;
                            }
                            fresh = new tenant_feed_ts_1.TenantFeed(tenantID, gatewayIDs, ctx);
                            feeds.set(tenantID, fresh);
                            fresh.start();
                            if (gatewayFeed)
                                void gatewayFeed.readFlags();
                        }
                        return [2 /*return*/];
                }
            });
        }); })()
            .catch(function (error) {
            logger.warn('live: tenant list not readable', { error: error });
        })
            .finally(function () { return (refreshing = undefined); }));
        return refreshing;
    }
    (0, socket_handlers_ts_1.attachLiveSockets)(io, {
        state: state,
        pool: pool,
        getSessionUser: deps.getSessionUser,
        logger: logger,
        isStopped: function () { return stopped; },
        ensureFollowed: function (gatewayIDs) {
            return __awaiter(this, void 0, void 0, function () {
                var orphans, _i, orphans_1, id;
                return __generator(this, function (_a) {
                    switch (_a.label) {
                        case 0:
                            if (gatewayIDs.every(function (id) { return state.gateways.has(id); }))
                                return [2 /*return*/];
                            return [4 /*yield*/, refreshTenants()];
                        case 1:
                            _a.sent();
                            orphans = gatewayIDs.filter(function (id) { return !state.gateways.has(id); });
                            for (_i = 0, orphans_1 = orphans; _i < orphans_1.length; _i++) {
                                id = orphans_1[_i];
                                state.ensureGateway(id, undefined);
                            }
                            if (!(orphans.length > 0 && gatewayFeed)) return [3 /*break*/, 3];
                            return [4 /*yield*/, gatewayFeed.readFlags()];
                        case 2:
                            _a.sent();
                            _a.label = 3;
                        case 3: return [2 /*return*/];
                    }
                });
            });
        },
    });
    function startOnce() {
        return __awaiter(this, void 0, void 0, function () {
            var timeout;
            var _a;
            return __generator(this, function (_b) {
                switch (_b.label) {
                    case 0: return [4 /*yield*/, refreshTenants()];
                    case 1:
                        _b.sent();
                        if (stopped)
                            return [2 /*return*/];
                        gatewayFeed = new gateway_feed_ts_1.GatewayFeed(ctx);
                        gatewayFeed.start();
                        // Also picks up tenants when the master was unreachable at start.
                        refreshTimer = setInterval(function () { return void refreshTenants(); }, (_a = deps.tenantRefreshMs) !== null && _a !== void 0 ? _a : 60000);
                        refreshTimer.unref();
                        return [4 /*yield*/, Promise.race([
                                Promise.all(__spreadArray([gatewayFeed.ready], __spreadArray([], feeds.values(), true).map(function (f) { return f.ready; }), true)),
                                new Promise(function (resolve) {
                                    timeout = setTimeout(resolve, START_WAIT_MS);
                                    timeout.unref();
                                }),
                            ])];
                    case 2:
                        _b.sent();
                        clearTimeout(timeout);
                        batcher.flush();
                        return [2 /*return*/];
                }
            });
        });
    }
    return {
        start: function () {
            // Idempotent: a second caller (a test, the app) awaits the same start.
            startPromise !== null && startPromise !== void 0 ? startPromise : (startPromise = startOnce());
            return startPromise;
        },
        stop: function () {
            return __awaiter(this, void 0, void 0, function () {
                var _i, _a, feed;
                return __generator(this, function (_b) {
                    if (stopped)
                        return [2 /*return*/];
                    stopped = true;
                    if (refreshTimer)
                        clearInterval(refreshTimer);
                    for (_i = 0, _a = feeds.values(); _i < _a.length; _i++) {
                        feed = _a[_i];
                        feed.stop();
                    }
                    gatewayFeed === null || gatewayFeed === void 0 ? void 0 : gatewayFeed.stop();
                    batcher.flush();
                    batcher.stop();
                    local().disconnectSockets(true);
                    return [2 /*return*/];
                });
            });
        },
        state: function () {
            var mode = 'live';
            for (var _i = 0, _a = state.gateways.values(); _i < _a.length; _i++) {
                var gw = _a[_i];
                if (gw.degradedBy.size > 0)
                    mode = 'degraded';
            }
            return { mode: mode, seq: deltasSent };
        },
    };
}
