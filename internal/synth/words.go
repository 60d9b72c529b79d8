package synth

// The word lists pages are assembled from. They imitate the vocabulary of real
// Tencent Cloud APIs (verb + noun, acronyms kept upper-case) so that names,
// descriptions and resource types exercise the same code paths real pages do:
// camel-case splitting, typo detection, Go naming, long comments.

// verb starts an API name; cat is the section such an API is usually listed in.
type verb struct {
	name string
	zh   string // as a Chinese description starts: 创建
	en   string // as an English description starts: Creates
	cat  category
}

var verbs = []verb{
	{"Create", "创建", "Creates", catWrite},
	{"Delete", "删除", "Deletes", catWrite},
	{"Modify", "修改", "Modifies", catWrite},
	{"Update", "更新", "Updates", catWrite},
	{"Add", "添加", "Adds", catWrite},
	{"Remove", "移除", "Removes", catWrite},
	{"Bind", "绑定", "Binds", catWrite},
	{"Unbind", "解绑", "Unbinds", catWrite},
	{"Attach", "挂载", "Attaches", catWrite},
	{"Detach", "卸载", "Detaches", catWrite},
	{"Enable", "启用", "Enables", catWrite},
	{"Disable", "停用", "Disables", catWrite},
	{"Reset", "重置", "Resets", catWrite},
	{"Renew", "续费", "Renews", catWrite},
	{"Terminate", "销毁", "Terminates", catWrite},
	{"Upload", "上传", "Uploads", catWrite},
	{"Import", "导入", "Imports", catWrite},
	{"Describe", "查询", "Queries", catRead},
	{"Get", "获取", "Gets", catRead},
	{"Query", "查询", "Queries", catRead},
	{"Check", "检查", "Checks", catRead},
	{"Inquiry", "询价", "Inquires the price of", catRead},
	{"Export", "导出", "Exports", catRead},
	{"Download", "下载", "Downloads", catRead},
	{"List", "列出", "Lists", catList},
	{"Start", "启动", "Starts", catOther},
	{"Stop", "停止", "Stops", catOther},
	{"Restart", "重启", "Restarts", catOther},
	{"Sync", "同步", "Syncs", catOther},
	{"Retry", "重试", "Retries", catOther},
	{"Cancel", "取消", "Cancels", catOther},
	{"Push", "推送", "Pushes", catOther},
	{"Verify", "校验", "Verifies", catOther},
}

// noun is the object of an API name.
type noun struct {
	name string
	zh   string
	en   string
}

var nouns = []noun{
	{"Instance", "实例", "an instance"},
	{"Cluster", "集群", "a cluster"},
	{"Node", "节点", "a node"},
	{"NodePool", "节点池", "a node pool"},
	{"Topic", "主题", "a topic"},
	{"Queue", "队列", "a queue"},
	{"Subscription", "订阅", "a subscription"},
	{"Rule", "规则", "a rule"},
	{"Policy", "策略", "a policy"},
	{"Alarm", "告警", "an alarm"},
	{"Dashboard", "仪表盘", "a dashboard"},
	{"Snapshot", "快照", "a snapshot"},
	{"Image", "镜像", "an image"},
	{"Disk", "云硬盘", "a disk"},
	{"Backup", "备份", "a backup"},
	{"Database", "数据库", "a database"},
	{"Account", "账号", "an account"},
	{"User", "用户", "a user"},
	{"UserGroup", "用户组", "a user group"},
	{"Role", "角色", "a role"},
	{"Certificate", "证书", "a certificate"},
	{"Domain", "域名", "a domain"},
	{"Record", "记录", "a record"},
	{"Listener", "监听器", "a listener"},
	{"Gateway", "网关", "a gateway"},
	{"Route", "路由", "a route"},
	{"Endpoint", "接入点", "an endpoint"},
	{"Secret", "凭据", "a secret"},
	{"Key", "密钥", "a key"},
	{"Template", "模板", "a template"},
	{"Task", "任务", "a task"},
	{"Job", "作业", "a job"},
	{"Workflow", "工作流", "a workflow"},
	{"Stream", "流", "a stream"},
	{"Channel", "通道", "a channel"},
	{"Device", "设备", "a device"},
	{"Product", "产品", "a product"},
	{"Project", "项目", "a project"},
	{"Namespace", "命名空间", "a namespace"},
	{"Tag", "标签", "a tag"},
	{"Quota", "配额", "a quota"},
	{"Config", "配置", "a configuration"},
	{"Whitelist", "白名单", "a whitelist"},
	{"Blacklist", "黑名单", "a blacklist"},
	{"SecurityGroup", "安全组", "a security group"},
	{"Parameter", "参数", "a parameter"},
	{"Log", "日志", "a log"},
	{"LogSet", "日志集", "a logset"},
	{"Metric", "指标", "a metric"},
	{"Session", "会话", "a session"},
	{"Staff", "坐席", "a staff member"},
	{"SkillGroup", "技能组", "a skill group"},
	{"Package", "套餐", "a package"},
	{"Order", "订单", "an order"},
	{"Invoice", "发票", "an invoice"},
	{"Application", "应用", "an application"},
	{"Environment", "环境", "an environment"},
	{"Version", "版本", "a version"},
	{"Repository", "仓库", "a repository"},
	{"Pipeline", "流水线", "a pipeline"},
	{"Function", "函数", "a function"},
	{"Trigger", "触发器", "a trigger"},
	{"Layer", "层", "a layer"},
	{"Vault", "保险库", "a vault"},
	{"Zone", "可用区", "a zone"},
	{"Region", "地域", "a region"},
}

// acronyms sometimes lead the noun, as in CreateCCCInstance or DescribeIVRList.
var acronyms = []string{"CCN", "VPC", "SSL", "DNS", "IVR", "ASR", "TTS", "CDN", "API", "SDK", "HTTP", "CLB", "TKE", "KMS", "OCR"}

// suffixes end some API names.
var suffixes = []struct {
	name, zh, en string
	list         bool // names a list: the API goes to 列表操作 when it reads
}{
	{"s", "列表", "s", true},
	{"List", "列表", " list", true},
	{"Attributes", "属性", " attributes", false},
	{"Status", "状态", " status", false},
	{"Detail", "详情", " details", false},
	{"Info", "信息", " information", false},
	{"Config", "配置", " configuration", false},
	{"Count", "数量", " count", false},
	{"Metrics", "监控数据", " metrics", false},
	{"Batch", "（批量）", " in batches", false},
	{"Quota", "配额", " quota", false},
	{"Overview", "概览", " overview", false},
}

// zhClauses lengthen Chinese descriptions the way real pages do: limits, notes,
// references. Some carry inline markup and entities on purpose.
var zhClauses = []string{
	"，支持按标签、地域和项目筛选",
	"，返回结果按创建时间倒序排列",
	"。调用该接口前，请确保账号已完成实名认证并已开通相应服务",
	"。该接口为异步接口，返回的任务 ID 可通过查询任务状态接口获取执行结果",
	"，单次请求最多支持 100 个资源",
	"。如需了解更多，请参见产品文档中的&ldquo;使用限制&rdquo;一节",
	"（默认返回 20 条，最多返回 100 条）",
	"，仅支持按量计费的资源",
	"。注意：删除后数据不可恢复，请谨慎操作",
	"，<code>Limit</code> 参数取值范围为 1&nbsp;~&nbsp;100",
	"。此接口的默认频率限制为 20 次/秒",
	"，支持 IPv4 &amp; IPv6 双栈",
	"；该操作可能会触发资源重启，建议在业务低峰期执行",
	"，可通过 <strong>Filters</strong> 参数指定过滤条件",
	"。若资源处于隔离状态，则无法执行此操作",
	"，适用于跨地域容灾、数据迁移等场景",
	"。<br>修改后的配置将在约 5 分钟内生效",
	"，主账号和拥有相应权限的子账号均可调用",
	"（此接口已逐步下线，建议使用新版接口）",
	"。返回的数据中时间均为 UTC+8 时间，格式为 YYYY-MM-DD hh:mm:ss",
	"，当前仅支持广州、上海、北京、成都、重庆、南京、中国香港、新加坡、硅谷、法兰克福等地域",
	"，调用时需传入 \"InstanceIds\" 或 \"Filters\" 中的一个",
}

var enClauses = []string{
	", filtered by tag, region and project",
	". Results are sorted by creation time in descending order",
	". Before calling this API, make sure that the service has been activated",
	". This API is asynchronous; query the task status with the returned task ID",
	". Up to 100 resources can be processed per request",
	" (20 entries are returned by default; up to 100)",
	". Only pay-as-you-go resources are supported",
	". Note: deleted data cannot be recovered",
	". The value range of <code>Limit</code> is 1&nbsp;-&nbsp;100",
	". The default rate limit of this API is 20 requests/second",
	", supporting IPv4 &amp; IPv6",
	". Changes take effect in about 5 minutes",
	". Isolated resources cannot be operated on",
}

// zhProductWords and enProductWords make product names.
var (
	zhProductPrefixes = []string{"云", "智能", "分布式", "弹性", "全球", "企业级", "轻量", "数据", "安全", "实时"}
	zhProductNouns    = []string{"消息队列", "数据库", "存储", "网关", "计算", "音视频", "日志服务", "监控", "容器服务", "函数", "数据仓库", "搜索", "通信", "身份管理", "密钥管理", "内容分发"}
	zhProductSuffixes = []string{"", "服务", "平台", "中心", " Pro", " 2.0"}
	enProductPrefixes = []string{"Cloud", "Smart", "Distributed", "Elastic", "Global", "Enterprise", "Lightweight", "Data", "Secure", "Real-Time"}
	enProductNouns    = []string{"Message Queue", "Database", "Storage", "Gateway", "Compute", "Media", "Log Service", "Monitor", "Container Service", "Functions", "Data Warehouse", "Search", "Communication", "Identity", "Key Management", "Delivery Network"}
)

// ownTypes are resource types a product names in its patterns: the first element of
// the sixth segment and the placeholder of its ID.
var ownTypes = []struct{ typ, id string }{
	{"instance", "InstanceId"}, {"cluster", "ClusterId"}, {"topic", "TopicId"}, {"queue", "QueueName"},
	{"namespace", "NamespaceId"}, {"group", "GroupId"}, {"rule", "RuleId"}, {"domain", "DomainName"},
	{"certificate", "CertificateId"}, {"gateway", "GatewayId"}, {"device", "DeviceName"}, {"job", "JobId"},
	{"dashboard", "DashboardId"}, {"key", "KeyId"}, {"secret", "SecretName"}, {"stream", "StreamName"},
	{"channel", "ChannelId"}, {"app", "AppId"}, {"SdkAppId", "SdkAppId"}, {"workspace", "WorkspaceId"},
	{"database", "DatabaseName"}, {"backup", "BackupId"}, {"snapshot", "SnapshotId"}, {"repository", "RepoName"},
	{"pipeline", "PipelineId"}, {"environment", "EnvId"}, {"vault", "VaultId"}, {"fleet", "FleetId"},
	{"function", "FunctionName"}, {"logset", "LogsetId"},
}

// foreignTypes are other services' resources that real pages list beside their own
// (an instance's VPC, its disk).
var foreignTypes = []struct{ service, typ, id string }{
	{"cvm", "instance", "InstanceId"}, {"vpc", "vpc", "VpcId"}, {"vpc", "subnet", "SubnetId"},
	{"cbs", "disk", "DiskId"}, {"clb", "loadbalancer", "LoadBalancerId"}, {"cam", "role", "RoleName"},
	{"kms", "key", "KeyId"}, {"cls", "topic", "TopicId"},
}
