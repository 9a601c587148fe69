"""Word lists behind the signals, as compiled patterns.

They live in code, not in data files, so the detector needs no I/O to find a signal.
All patterns run on normalized text: simplified Chinese, half-width, lower case.
`data/jieba_userdict.txt` repeats the multi-character terms so jieba keeps them whole.
"""

from __future__ import annotations

import re

# Accounts: the name decides whether an @mention reaches a newsroom or a regulator.
MEDIA_ACCOUNT_RE = re.compile(
    r"新闻|日报|晚报|晨报|时报|早报|周刊|报道|电视|卫视|央视|频道|记者|头条|财经|调查|观察|"
    r"澎湃|新京报|人民网|新华|封面|红星|界面|都市报|3·15|315|曝光台|帮办|问政|"
    r"news|times|reuters|bbc|cnn|reporter|journal|guardian|verge|techcrunch|press|tribune|"
    r"herald|gazette|bloomberg|wired|ars ?technica|propublica|npr\b|wsj|nyt"
)
REGULATOR_ACCOUNT_RE = re.compile(
    r"12315|12345|消协|消费者协会|消保|消委会|消基会|市场监管|监管局|工信部|网信|公安|警方|"
    r"法院|检察|政务|发布$|银保监|金融监管|证监|人民银行|民航局|交通运输|住建|卫健|药监|"
    r"教育局|金管会|文旅|ftc\b|cfpb|fcc\b|attorney ?general|ag_|ombudsman|bbb\b|"
    r"ofcom|trading ?standards|consumer ?protection|regulator"
)

# Counting words used by "打了五次客服" and "called them six times".
NUM = r"(?:[0-9]+|[一二两三四五六七八九十几多数无]+|n)"

REGULATOR = (
    r"12(?:315|345|366|326|328|358|318|393|378|381|360)(?![0-9])|"
    r"消协|消费者协会|消保委|消保官|消委会|消基会|消费者权益保护|市场监管|市监局|工商局|工商部门|"
    r"工信部|电信用户申诉|通管局|金融监管|银保监|证监会|人民银行|央行|金管会|民航局|交通运输部|"
    r"教育局|住建局|住建委|房管局|卫健委|药监局|文旅局|旅游局|监管部门|主管部门|质监局|"
    r"信访|上访|ftc\b|cfpb\b|fcc\b|attorney general|bbb\b|better business bureau|"
    r"ofcom|trading standards|ombudsman|consumer protection (?:agency|bureau|office)|"
    r"department of (?:labor|transportation|insurance)|dot\b complaint|state regulator|"
    r"insurance commissioner|regulators?\b"
)
POLICE = (
    r"报警|报案|110(?![0-9])|派出所|公安|警察|警方|刑事|诈骗罪|立案侦查|"
    r"police\b|cops\b|law enforcement|fbi\b"
)
LEGAL = (
    r"律师|起诉|法院|诉讼|告你们|告到底|打官司|法律途径|法律手段|法律责任|仲裁|上诉|判决|传票|"
    r"lawyer|attorney(?! general)|sue\b|suing\b|sued\b|lawsuit|small claims|court\b|"
    r"legal action|arbitration|class action|litigation|chargeback"
)
MEDIA = (
    r"记者|媒体|电视台|报社|曝光台|央视|315晚会|3·15晚会|消费者报道|新闻热线|"
    r"journalists?|reporters?|the press|news outlets?|local news|newspaper|tv station"
)
SOCIAL_PLATFORM = (
    r"(?:发|发到|放到|贴到|挂到|挂在|传到|曝光到|晒到|晒在|po到|上)\s?"
    r"(?:微博|抖音|小红书|快手|b站|知乎|黑猫投诉|聚投诉|朋友圈|网上|网络|视频号|贴吧|公众号|豆瓣|"
    r"推特|油管)|"
    r"发帖曝光|发视频曝光|全网曝光|网上曝光|自媒体|黑猫投诉|聚投诉|"
    r"post (?:it|this|about (?:it|this|you))?\s?(?:on|to) (?:twitter|x|tiktok|reddit|youtube|"
    r"facebook|instagram|social media|every review site)|go(?:ing)? public|social media|"
    r"leave (?:a )?(?:1-star|one-star|bad) reviews? everywhere"
)
CALL_TO_SPREAD = (
    r"求扩散|求转发|求转|帮忙转发|帮忙扩散|帮转|转发扩散|扩散出去|请扩散|大家转发|大家评评理|"
    r"评评理|让更多人知道|让更多的人知道|让大家都知道|求关注|求曝光|求媒体|抵制|一起转发|转起来|"
    r"spread the word|please share|pls share|please boost|signal boost|boost this|"
    r"rt\b|retweet|upvote (?:this|for visibility)|make this go viral|boycott|"
    r"tag (?:them|the company)"
)
COLLECTIVE_ACTION = (
    r"维权群|受害者群|拉了?群|建了?群|组团|集体(?:投诉|维权|起诉|退费|上访)|联名|一起维权|"
    r"一起去.{0,6}(?:讨说法|维权|找|售楼处|门店|总部|投诉|堵)|一起讨说法|不止我一个|同样遭遇|"
    r"同样的遭遇|(?:很多人|好多人|不少人)都(?:遇到|被|有同样|反映|投诉|中招)|"
    r"(?:多名|多位|几十[个位名]|上百[个位名]|数十名|众多|二十多[个位名]|一群)(?:消费者|用户|业主|家长|"
    r"乘客|车主|学员|会员|客户|顾客|受害者|网友|储户|投保人|旅客|租户|玩家)|"
    r"class action|group of us|dozens of (?:us|customers|people)|petition|organizing|"
    r"we(?:'re| are) all|other (?:customers|victims) (?:and i|have)|not the only one"
)
ULTIMATUM = (
    r"再不.{0,12}?就|如果.{0,12}?不.{0,12}?就|要是.{0,12}?不.{0,12}?就|不然(?:我|就|的话)|"
    r"否则(?:我|就|的话)|最后一次|"
    r"最后通牒|后果自负|限你们|给你们.{0,4}(?:天|小时|时间)|[0-9一二两三四五六七]+(?:天|小时)内.{0,8}"
    r"(?:不|没)|走着瞧|等着吧|"
    r"or else|otherwise i(?:'ll| will)|final warning|last chance|you have (?:until|[0-9]+ (?:days|"
    r"hours))|if .{0,40}(?:not|n't|don't) .{0,40}i(?:'ll| will)|by (?:monday|tuesday|"
    r"wednesday|thursday|friday|tomorrow|end of (?:day|week)).{0,20}(?:or|otherwise)"
)
REPEATED_CONTACT = (
    r"(?:打了|联系了|投诉了|找了|催了|问了|跑了|反映了|打过|联系过|投诉过|反映过)\s?" + NUM
    + r"\s?(?:次|遍|回|趟|个电话)|"
    r"多次(?:联系|投诉|反映|催促|致电|沟通|打电话)|无数次|反反复复|一直没人(?:管|回|理)|"
    r"石沉大海|踢皮球|没人回复|"
    r"(?:called|emailed|contacted|messaged|chatted with|wrote to) .{0,30}(?:[0-9]+|several|"
    r"multiple|many|countless|five|six|seven|eight|ten|a dozen) times|[0-9]+ (?:calls|emails|"
    r"tickets)|no (?:response|reply) (?:after|for|in)|still no (?:reply|response|answer)|"
    r"runaround|ghosted"
)
OVER_THE_HEAD = (
    r"越级|找你们领导|找领导|你们领导|找你们经理|找经理|找总部|投诉到总部|总部投诉|向上级|"
    r"你们老板|董事长|总经理|ceo|高管|向平台投诉你们|投诉到平台|"
    r"(?:escalate|escalating|escalated) (?:this )?to (?:a |the |your )?(?:manager|supervisor|"
    r"corporate|executive|head office)|(?:speak|talk) to (?:a|your|the) (?:manager|supervisor)|"
    r"executive (?:complaint|team|escalation)|email(?:ed)? the ceo|corporate office"
)
TRENDING = (
    r"上热搜|上了热搜|热搜第|热搜榜上|冲上热搜|刷屏|全网热议|全网都在|阅读量(?:破|过|已经|超)|"
    r"播放量(?:破|过|已经|超)|[0-9万千]+[次条]?转发|转发(?:量)?(?:破|过|超)|"
    r"viral\b|trending|front page|blew up|millions of views"
)
EXPOSURE = (
    r"曝光|揭露|揭穿|实名举报|公开举报|避雷贴|黑幕|"
    r"expos(?:e|ing|ed)\b|name and shame|psa\b|warning to (?:everyone|others)"
)
EXTORTION = (
    r"(?:不赔|不给|不退|不补偿|不满足).{0,16}?(?:就|我就).{0,12}?(?:发|曝光|上|找媒体|让大家|"
    r"网上|微博|抖音|小红书|热搜)|"
    r"(?:赔|给|补偿|打|转)(?:我|给我)?.{0,10}?(?:就|才|我就|马上)(?:删|撤|不发|不曝光|不投诉|"
    r"下架|闭嘴)|给钱.{0,6}删|删帖.{0,6}(?:可以|要|得|需要).{0,6}(?:钱|赔|补偿|元|块)|"
    r"封口费|私了|花钱消灾|精神损失费.{0,8}(?:不然|否则|就)|"
    r"(?:pay|compensate|refund|give) me .{0,40}(?:or|otherwise) (?:i|this|the video|the post)|"
    r"(?:delete|take down|remove) (?:the|my) (?:post|review|video).{0,30}(?:if|once|when) you "
    r"(?:pay|send|give)|(?:unless|until) you pay.{0,40}(?:post|publish|go public|media)|"
    r"hush money|\$[0-9,]+ (?:and|or) i(?:'ll| will) (?:delete|take down|not post)"
)

# Before a cue in the same clause these mean it did not or will not happen.
NEGATION = (
    r"不会|不想|不打算|没打算|不准备|不至于|不用|不必|无需|无须|没必要|懒得|并没有|没有去|没去|"
    r"没有找|没找|不去|别去|不要去|不需要|不是要|从没|从来没|"
    r"won't\b|will not\b|not going to\b|no need to\b|never\b|don't want to\b|"
    r"didn't\b|did not\b|not (?:planning|gonna)\b|no plans? to\b"
)
# A plan that was dropped or a hypothetical: "本来想…", "差点就…", "I was going to…".
COUNTERFACTUAL = (
    r"本来想|原本想|本想|本来打算|原本打算|原打算|差点|还以为要|本来要|"
    r"was going to|was about to|almost|nearly|had planned|thought about"
)
# A resolution after the cue lowers it (LABELS.md: 本来想投诉…后来客服主动解决了).
RESOLUTION = (
    r"(?:已经|已|都)?解决了|已解决|问题解决|处理好了|处理完了|退款到账|已退款|已经退了|退回来了|"
    r"(?<!不)满意了|道歉了|给我补偿了|赔偿到账|主动联系我|撤诉|撤回投诉|"
    r"resolved|sorted (?:it )?out|got (?:my|a full) refund|refunded me|fixed it|apologi[sz]ed"
)
# A general opinion about companies, not the author's own grievance.
GENERAL_OPINION = (
    r"这种公司|这样的公司|这种商家|这类公司|就该被|应该被|活该|companies like this|should be"
)

# Words whose presence makes a text a grievance of the author (stage ≥ 1 for rules).
COMPLAINT = (
    r"失望|差评|垃圾|太差|很差|真差|退款|退货|投诉|客服|售后|坑人|被坑|坑爹|骗子|骗人|无语|气死|"
    r"恶心|质量问题|故障|坏了|不退|拖了|拖着|一直等|没人管|乱扣费|扣费|扣钱|霸王条款|欺诈|"
    r"不给退|不给处理|敷衍|态度恶劣|态度差|不负责|维权|讨说法|赔偿|避雷|别买|踩雷|智商税|"
    r"terrible|worst|awful|refund|scam|ripoff|rip-off|never again|disappointed|customer service|"
    r"broken|charged me|overcharg|still waiting|unacceptable|useless|fraud|hidden fee|avoid"
)
