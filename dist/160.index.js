export const id = 160;
export const ids = [160];
export const modules = {

/***/ 17160:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AGENT_CLI_PACKAGES: () => (/* binding */ AGENT_CLI_PACKAGES),
/* harmony export */   AgentInstallError: () => (/* binding */ AgentInstallError),
/* harmony export */   ensureAgentCli: () => (/* binding */ ensureAgentCli),
/* harmony export */   findOnPath: () => (/* binding */ findOnPath)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(22876);



/** Pinned CLI versions: both change fast, and a pin means a run behaves as it did when tested. */
const AGENT_CLI_PACKAGES = {
    claude: { bin: "claude", pkg: "@anthropic-ai/claude-code", version: "2.1.331" },
    codex: { bin: "codex", pkg: "@openai/codex", version: "0.169.0" },
};
/** Finds an executable on PATH, as the shell would (but without one). */
async function findOnPath(bin, path) {
    for (const dir of (path ?? "").split(node_path__WEBPACK_IMPORTED_MODULE_1__.delimiter).filter(Boolean)) {
        const candidate = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, bin);
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.access)(candidate, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
            return candidate;
        }
        catch {
            // not in this directory
        }
    }
    return undefined;
}
/** Raised when the agent CLI is missing and could not be installed. */
class AgentInstallError extends Error {
    constructor(message) {
        super(message);
        this.name = "AgentInstallError";
    }
}
/**
 * The path of the agent CLI: the one already on PATH (a workflow may install its own), else the pinned
 * version installed from npm into `prefix` (one install per job: concurrent installs of Claude Code on
 * one machine fail).
 */
async function ensureAgentCli(kind, options) {
    const spec = AGENT_CLI_PACKAGES[kind];
    const found = await findOnPath(spec.bin, options.path);
    if (found)
        return found;
    const version = options.version ?? spec.version;
    options.log(`${spec.bin} is not on PATH: installing ${spec.pkg}@${version} from npm into ${options.prefix}`);
    const result = await (0,_actions_exec__WEBPACK_IMPORTED_MODULE_2__/* .getExecOutput */ .H)("npm", ["install", "--no-audit", "--no-fund", "--no-save", "--prefix", options.prefix, `${spec.pkg}@${version}`], { ignoreReturnCode: true, silent: true });
    const installed = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(options.prefix, "node_modules", ".bin", spec.bin);
    if (result.exitCode !== 0 || !(await findOnPath(spec.bin, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(options.prefix, "node_modules", ".bin")))) {
        throw new AgentInstallError(`Installing ${spec.pkg}@${version} failed (npm exit ${result.exitCode}): ${result.stderr.trim().split("\n").slice(-3).join(" ")}`);
    }
    return installed;
}


/***/ })

};
