export const id = 217;
export const ids = [217];
export const modules = {

/***/ 67217:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ArtifactDigestError: () => (/* binding */ ArtifactDigestError),
/* harmony export */   createArtifactStore: () => (/* binding */ createArtifactStore),
/* harmony export */   sha256Hex: () => (/* binding */ sha256Hex)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);




/** A downloaded artifact whose bytes are not the ones its producer reported uploading. */
class ArtifactDigestError extends Error {
    constructor(artifact, expected, actual) {
        super(`Artifact ${artifact.name} (id ${artifact.id}) has SHA-256 ${actual}, not the ${expected} its producer uploaded`);
        this.name = "ArtifactDigestError";
    }
}
/** SHA-256 (hex) of a document's bytes: what producers pass on and consumers check. */
function sha256Hex(data) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256").update(data).digest("hex");
}
/** How long statuses and plans are kept; long enough to retry a run a week later. */
const RETENTION_DAYS = 30;
/**
 * The production store over @actions/artifact. The client is imported lazily: it pulls in the Azure
 * SDK, and a mode that never touches artifacts should not pay for loading it.
 */
async function createArtifactStore(tempRoot = process.env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)()) {
    const { DefaultArtifactClient } = await __webpack_require__.e(/* import() */ 252).then(__webpack_require__.bind(__webpack_require__, 91252));
    const client = new DefaultArtifactClient();
    return {
        async uploadJson(name, value) {
            const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(tempRoot, "pto-upload-"));
            const file = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, `${name}.json`);
            const text = `${JSON.stringify(value, null, 2)}\n`;
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(file, text, "utf8");
            const response = await client.uploadArtifact(`${name}.json`, [file], dir, {
                retentionDays: RETENTION_DAYS,
                skipArchive: true,
            });
            if (response.id === undefined)
                throw new Error(`Uploading artifact ${name}.json returned no id`);
            return { id: response.id, name: `${name}.json`, size: response.size ?? 0, sha256: sha256Hex(text) };
        },
        async list() {
            const { artifacts } = await client.listArtifacts();
            return artifacts.map((a) => ({ id: a.id, name: a.name, size: a.size }));
        },
        async downloadJson(artifact, maxBytes, sha256) {
            const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(tempRoot, "pto-download-"));
            const { downloadPath } = await client.downloadArtifact(artifact.id, { path: dir });
            const target = downloadPath ?? dir;
            const files = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(target);
            const file = files.find((f) => f.endsWith(".json")) ?? files[0];
            if (file === undefined)
                throw new Error(`Artifact ${artifact.name} (id ${artifact.id}) is empty`);
            const path = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(target, file);
            const { size } = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(path);
            if (maxBytes !== undefined && size > maxBytes) {
                throw new Error(`Artifact ${artifact.name} (id ${artifact.id}) is ${size} bytes once downloaded, over ${maxBytes}`);
            }
            const bytes = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(path);
            if (sha256 !== undefined) {
                const actual = sha256Hex(bytes);
                if (actual !== sha256.toLowerCase())
                    throw new ArtifactDigestError(artifact, sha256, actual);
            }
            const text = bytes.toString("utf8");
            try {
                return JSON.parse(text);
            }
            catch (error) {
                throw new Error(`Artifact ${artifact.name} (id ${artifact.id}) is not valid JSON`, { cause: error });
            }
        },
    };
}


/***/ })

};
