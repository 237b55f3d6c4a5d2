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
exports.gatewayRoom = void 0;
exports.attachLiveSockets = attachLiveSockets;
// socket.io side of the hub: the session cookie authenticates the connection, every join is checked
// against the user's role and tenant (re-resolving the session, so a signed-out or deleted user can
// join nothing), and a join answers with a fresh snapshot of everything the socket has joined.
var api_1 = require("@cmc/api");
var gatewayRoom = function (gatewayID) { return "gw:".concat(gatewayID); };
exports.gatewayRoom = gatewayRoom;
var JOIN_BURST = 20;
var JOIN_REFILL_PER_SECOND = 2;
function takeJoinToken(data, now) {
    data.joinTokens = Math.min(JOIN_BURST, data.joinTokens + ((now - data.joinRefilledAt) / 1000) * JOIN_REFILL_PER_SECOND);
    data.joinRefilledAt = now;
    if (data.joinTokens < 1)
        return false;
    data.joinTokens -= 1;
    return true;
}
function issueText(error) {
    var issue = error.issues[0];
    if (!issue)
        return 'invalid request';
    var where = issue.path.length > 0 ? issue.path.join('.') : 'request';
    return "".concat(where, ": ").concat(issue.message);
}
function attachLiveSockets(io, deps) {
    var _this = this;
    var logger = deps.logger;
    io.use(function (socket, next) {
        var _a;
        if (deps.isStopped())
            return next(new Error('shutting down'));
        // Cross-site WebSocket hijacking: a page of another origin must not ride on the user's cookie
        // (the same rule the REST API's CSRF check applies to a present Origin).
        var origin = socket.handshake.headers.origin;
        if (origin !== undefined) {
            var own = "".concat(socket.handshake.secure ? 'https' : 'http', "://").concat((_a = socket.handshake.headers.host) !== null && _a !== void 0 ? _a : '');
            if (origin !== own)
                return next(Object.assign(new Error(api_1.LIVE_FORBIDDEN_ORIGIN), { data: { code: api_1.LIVE_FORBIDDEN_ORIGIN } }));
        }
        deps
            .getSessionUser(socket.handshake.headers.cookie)
            .then(function (user) {
            if (!user)
                return next(Object.assign(new Error(api_1.LIVE_UNAUTHORIZED), { data: { code: api_1.LIVE_UNAUTHORIZED } }));
            socket.data.user = user;
            socket.data.joined = new Set();
            socket.data.joinTokens = JOIN_BURST;
            socket.data.joinRefilledAt = Date.now();
            next();
        })
            .catch(function (error) {
            logger.error('live: session lookup failed at socket connection', { error: error });
            next(new Error('session lookup failed'));
        });
    });
    io.on('connection', function (raw) {
        var socket = raw;
        var reply = function (event, ack, result) {
            if (typeof ack === 'function')
                ack(result);
            else if (!result.ok)
                socket.emit('problem', { event: event, error: result.error, message: result.message });
        };
        var refuse = function (event, ack, error, message, gatewayID) {
            return reply(event, ack, __assign({ ok: false, error: error, message: message }, (gatewayID === undefined ? {} : { gatewayID: gatewayID })));
        };
        socket.on('join', function (request, ack) {
            void (function () { return __awaiter(_this, void 0, void 0, function () {
                var parsed, user, allowed, error_1, allowedSet, wanted, _i, wanted_1, id, _a, wanted_2, id;
                var _b;
                return __generator(this, function (_c) {
                    switch (_c.label) {
                        case 0:
                            if (!takeJoinToken(socket.data, Date.now()))
                                return [2 /*return*/, refuse('join', ack, 'rate_limited', 'too many joins; wait a second and join again')];
                            parsed = api_1.joinRequestSchema.safeParse(request);
                            if (!parsed.success)
                                return [2 /*return*/, refuse('join', ack, 'bad_request', "join: ".concat(issueText(parsed.error)))];
                            return [4 /*yield*/, deps.getSessionUser(socket.handshake.headers.cookie)];
                        case 1:
                            user = _c.sent();
                            if (!user) {
                                refuse('join', ack, 'unauthorized', 'the session has ended; sign in again');
                                socket.disconnect(true);
                                return [2 /*return*/];
                            }
                            socket.data.user = user;
                            _c.label = 2;
                        case 2:
                            _c.trys.push([2, 4, , 5]);
                            return [4 /*yield*/, deps.pool.gatewaysFor(user)];
                        case 3:
                            allowed = _c.sent();
                            return [3 /*break*/, 5];
                        case 4:
                            error_1 = _c.sent();
                            logger.warn('live: gateways of user not readable', { error: error_1, userID: user.id });
                            return [2 /*return*/, refuse('join', ack, 'unavailable', 'the master gateway is not reachable; try again')];
                        case 5:
                            allowedSet = new Set(allowed);
                            wanted = parsed.data.gatewayIDs === 'all' ? allowed : __spreadArray([], new Set(parsed.data.gatewayIDs), true);
                            for (_i = 0, wanted_1 = wanted; _i < wanted_1.length; _i++) {
                                id = wanted_1[_i];
                                if (allowedSet.has(id))
                                    continue;
                                // A tenant user is not told whether another tenant's gateway exists.
                                if (user.role === 'admin')
                                    return [2 /*return*/, refuse('join', ack, 'not_found', "gateway ".concat(id, " does not exist"), id)];
                                return [2 /*return*/, refuse('join', ack, 'forbidden', "gateway ".concat(id, " is not a gateway of tenant ").concat((_b = user.tenantID) !== null && _b !== void 0 ? _b : '?'), id)];
                            }
                            return [4 /*yield*/, deps.ensureFollowed(wanted)];
                        case 6:
                            _c.sent();
                            if (!socket.connected)
                                return [2 /*return*/];
                            for (_a = 0, wanted_2 = wanted; _a < wanted_2.length; _a++) {
                                id = wanted_2[_a];
                                socket.data.joined.add(id);
                            }
                            return [4 /*yield*/, socket.join(wanted.map(exports.gatewayRoom))];
                        case 7:
                            _c.sent();
                            // Snapshot before the ack: when the client's join resolves, the snapshot is already there.
                            socket.emit('snapshot', deps.state.snapshot(socket.data.joined));
                            reply('join', ack, { ok: true, gatewayIDs: __spreadArray([], socket.data.joined, true) });
                            return [2 /*return*/];
                    }
                });
            }); })().catch(function (error) {
                logger.error('live: join failed', { error: error });
                refuse('join', ack, 'unavailable', 'join failed on the server');
            });
        });
        socket.on('leave', function (request, ack) {
            var parsed = api_1.leaveRequestSchema.safeParse(request);
            if (!parsed.success)
                return refuse('leave', ack, 'bad_request', "leave: ".concat(issueText(parsed.error)));
            var ids = parsed.data.gatewayIDs === 'all' ? __spreadArray([], socket.data.joined, true) : parsed.data.gatewayIDs;
            for (var _i = 0, ids_1 = ids; _i < ids_1.length; _i++) {
                var id = ids_1[_i];
                socket.data.joined.delete(id);
                void socket.leave((0, exports.gatewayRoom)(id));
            }
            reply('leave', ack, { ok: true, gatewayIDs: __spreadArray([], socket.data.joined, true) });
        });
    });
}
