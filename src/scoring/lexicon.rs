//! The built-in word lists the scorer uses for every question of a language: negation cues,
//! fillers, enumeration and conclusion markers, and the exceptions that look like them but are
//! not (不管 is not a negation, "let you know" is not a filler, 第一时间 is not an enumeration).

use super::normalize::Normalized;
use crate::bank::Language;

#[derive(Debug)]
pub struct Lexicon {
    pub negations: &'static [&'static str],
    /// Words containing a negation cue that do not negate what follows.
    pub negation_exceptions: &'static [&'static str],
    /// Words between a negation cue and a match that start a new subject or clause, so the
    /// negation no longer reaches the match ("没解决我会升级", "isn't solved, I escalate").
    pub scope_breakers: &'static [&'static str],
    pub fillers: &'static [&'static str],
    pub filler_exceptions: &'static [&'static str],
    pub enumerations: &'static [&'static str],
    pub enumeration_exceptions: &'static [&'static str],
    pub conclusions: &'static [&'static str],
    /// Rude or blaming phrases that cost points in any customer-service answer, on top of a
    /// question's own avoid list: an interviewer hears them whatever the question.
    pub rude: &'static [&'static str],
    /// What the feedback says about them ("「爱买不买」听起来像在顶撞顾客").
    pub rude_why: &'static str,
    /// Words of customer service in general: an answer made of them is vague, not off-topic.
    pub domain: &'static [&'static str],
}

pub fn lexicon(lang: Language) -> &'static Lexicon {
    match lang {
        Language::Zh => &ZH,
        Language::En => &EN,
    }
}

static ZH: Lexicon = Lexicon {
    negations: &[
        "不",
        "没",
        "没有",
        "别",
        "不会",
        "无需",
        "不用",
        "从不",
        "未",
        "并非",
        "绝不",
        "决不",
        "不同意",
    ],
    negation_exceptions: &[
        "不管",
        "不论",
        "不仅",
        "不但",
        "不只",
        "不光",
        "不断",
        "不少",
        "不久",
        "不错",
        "不停",
        "不得不",
        "不得已",
        "不妨",
        "不如",
        "不然",
        "不好意思",
        "不可或缺",
        "不可少",
        "不厌其烦",
        "不懈",
        "差不多",
        "了不起",
        "别人",
        "别的",
        "特别",
        "分别",
        "区别",
        "告别",
        "级别",
        "类别",
        "个别",
        "差别",
        "识别",
        "辨别",
        "鉴别",
        "未来",
        "没错",
        "没关系",
        "没问题",
        // States, not refusals: 「信息不全它会追问」, 「实在不行再请示」.
        "不全",
        "不足",
        "不满",
        "不便",
        "不适",
        "不安",
        "不良",
        "不行",
        "不合适",
        "不合身",
        "不对劲",
        "不到位",
        "不明白",
        // Different, not negated: 「不同岗位的权重也可以不一样」.
        "不同",
        "不一样",
    ],
    scope_breakers: &[
        "我", "您", "你", "他", "她", "但", "而", "就", "所以", "因此", "否则", "于是",
    ],
    fillers: &["嗯", "啊", "呃", "额", "那个", "就是说", "然后然后"],
    filler_exceptions: &[
        // 额 is a hesitation only on its own: 全额退款 and 差额 are content words.
        "全额",
        "等额",
        "差额",
        "金额",
        "余额",
        "额外",
        "额度",
        "数额",
        "名额",
        "限额",
        "份额",
        "定额",
        "超额",
        "额定",
        "面额",
        "免额",
        "也就是说",
        "那个时候",
        "那个人",
        "那个问题",
        "那个订单",
        "那个客户",
        "那个商品",
        "那个产品",
    ],
    enumerations: &[
        "首先", "其次", "再次", "最后", "第一", "第二", "第三", "第四", "第五", "一是", "二是",
        "三是", "四是", "其一", "其二", "其三", "一来", "二来", "然后", "接着", "随后", "另外",
        "此外", "再者",
    ],
    enumeration_exceptions: &[
        "第一时间",
        "第一次",
        "第二天",
        "第二次",
        "第三方",
        "第一印象",
        "第一句",
        "第一眼",
        "第一反应",
        "第一名",
        "统一是",
        "唯一是",
        "然后然后",
    ],
    conclusions: &[
        "总之",
        "总而言之",
        "综上",
        "总的来说",
        "总体来说",
        "总结",
        "因此",
        "所以",
        "最后",
        "最终",
    ],
    // Hostility toward a customer, a colleague or the panel: insults, blame, dismissal,
    // sarcasm, threats, impatience. Any one caps the total (see `rubric::HOSTILE_CAP`).
    rude: &[
        "爱买不买",
        "爱要不要",
        "爱退不退",
        "爱咋咋地",
        "爱咋咋的",
        "爱找谁找谁",
        "爱投诉投诉",
        "关我什么事",
        "关我屁事",
        "不关我的事",
        "跟我没关系",
        "和我没关系",
        "与我无关",
        "你自己的问题",
        "是你自己",
        "你自己没看",
        "自己不看清楚",
        "怪你自己",
        "怪谁",
        "怪我咯",
        "活该",
        "自找的",
        "自作自受",
        "谁让你",
        "谁叫你",
        "凭什么",
        "想都别想",
        "你这是敲诈",
        "神经病",
        "有病吧",
        "你懂不懂",
        "听不懂吗",
        "看不懂吗",
        "不识字",
        "没长眼",
        "眼瞎",
        "脑子进水",
        "没脑子",
        "有没有脑子",
        "白痴",
        "笨蛋",
        "蠢货",
        "傻子",
        "傻X",
        "弱智",
        "废物",
        "猪队友",
        "穷鬼",
        "买不起就别买",
        "嫌贵别买",
        "嫌贵就别买",
        "事儿多",
        "事儿精",
        "矫情",
        "刁民",
        "奇葩顾客",
        "无理取闹的人",
        "烦不烦",
        "烦死了",
        "有完没完",
        "别烦我",
        "别来烦我",
        "催什么催",
        "催也没用",
        "等着吧",
        "爱等不等",
        "随便你",
        "你随便",
        "呵呵",
        "不想理",
        "懒得理",
        "不理他",
        "晾着他",
        "晾着她",
        "拉黑他",
        "拉黑她",
        "骂回去",
        "怼回去",
        "怼他",
        "跟他吵",
        "跟他对骂",
        "挂他电话",
        "直接挂电话",
        "直接挂断",
        "无所谓",
        "管他呢",
        "有本事你",
        "你去投诉",
        "随便投诉",
        "投诉也没用",
        "告我啊",
        "你告去",
        "闭嘴",
        "少废话",
        "甩锅给",
        "都怪同事",
        "是同事的错",
        "他自己不行",
        "不是我的活",
        "无理取闹",
        "拉倒",
        "小心眼",
        "撒谎",
        "蠢问题",
        "老古董",
        "脑子不好使",
        "没素质",
        "嘴那么臭",
        "嘴臭",
        "找茬",
        "就是惯的",
        "吓唬谁",
        "混口饭",
        "油得很",
        "烦人的顾客",
        "瞎嚷嚷",
        "谁当真谁傻",
        "自认倒霉",
        "自己不会看吗",
        "自己不会查吗",
        "手欠",
        "退什么退",
        "急什么",
        "又没人拦着",
        "浪费我时间",
        "浪费口水",
        "门都没有",
        "随你给",
        "不怕你",
        "别怪我们",
        "想出名",
        "走了正好",
        "按烦了",
        "别想欺负",
        "扣他们钱",
        "让他走人",
        "不服气可以走人",
        "听不懂人话",
        "谁回得过来",
        "菜市场",
        "爱拍不拍",
        "找麻烦",
        "随时走人",
        "给个痛快话",
        "糊弄人",
        "纯属浪费",
        "显摆",
        "看不惯",
        "背锅",
        "不愁卖",
        "去别家买",
        "让他们骂",
        "学不会就别",
        "能力有问题",
        "理解能力有问题",
        "没空给",
        "想占便宜",
        "跟她吵",
        "懒得动脑子",
        "直接不理",
        "不理他们",
        "别问了",
        "就是懒",
    ],
    rude_why: "顶撞顾客",
    domain: &[
        "客服",
        "服务",
        "顾客",
        "客户",
        "用户",
        "买家",
        "消费者",
        "满意",
        "态度",
        "沟通",
        "解决",
        "耐心",
        "售后",
        "订单",
        "商品",
        "投诉",
        "委屈",
        "情绪",
        "礼貌",
        "热情",
    ],
};

static EN: Lexicon = Lexicon {
    negations: &[
        "not",
        "never",
        "no",
        "nor",
        "don't",
        "won't",
        "didn't",
        "isn't",
        "doesn't",
        "can't",
        "cannot",
        "wasn't",
        "aren't",
        "weren't",
        "shouldn't",
        "wouldn't",
        "couldn't",
        "haven't",
        "hasn't",
        "hadn't",
        "mustn't",
        "needn't",
        "ain't",
        "shan't",
        "dont",
        "didnt",
        "isnt",
        "doesnt",
        "wasnt",
        "arent",
        "werent",
        "shouldnt",
        "wouldnt",
        "couldnt",
        "havent",
        "hasnt",
        "hadnt",
    ],
    negation_exceptions: &[
        "no matter",
        "not only",
        "not just",
        "no doubt",
        "no problem",
        "can't wait",
    ],
    scope_breakers: &[
        "i", "we", "you", "he", "she", "they", "but", "so", "because", "instead", "rather", "then",
        "if", "unless",
    ],
    // "like" is a filler only as "like," ("it was like, broken"); elsewhere it is a verb.
    fillers: &[
        "um", "umm", "uh", "uhh", "uhm", "er", "erm", "hmm", "like,", "you know", "kind of",
        "sort of", "i mean",
    ],
    filler_exceptions: &[
        "let you know",
        "as you know",
        "you know what",
        "you know how",
        "if you know",
        "do you know",
        "what kind of",
        "this kind of",
        "that kind of",
        "any kind of",
        "the kind of",
        "a kind of",
        "some kind of",
        "what sort of",
        "this sort of",
        "that sort of",
        "any sort of",
        "the sort of",
        "some sort of",
    ],
    enumerations: &[
        "first",
        "firstly",
        "first of all",
        "second",
        "secondly",
        "third",
        "thirdly",
        "next",
        "then",
        "finally",
        "lastly",
        "to begin with",
        "after that",
        "in addition",
        "also",
    ],
    // Ordinals used as plain adjectives or nouns, not as the speaker's own list.
    enumeration_exceptions: &[
        "the first",
        "the second",
        "the third",
        "the next",
        "a second",
        "first time",
        "second time",
        "next time",
        "next day",
        "first of",
        "just then",
        "and then some",
    ],
    conclusions: &[
        "in summary",
        "in conclusion",
        "to sum up",
        "overall",
        "in short",
        "all in all",
        "so",
        "therefore",
        "finally",
        "ultimately",
        "in the end",
    ],
    rude: &[
        "not my problem",
        "not my fault",
        "not our fault",
        "your fault",
        "your own fault",
        "your problem",
        "your own problem",
        "deal with it",
        "i don't care",
        "i dont care",
        "couldn't care less",
        "take it or leave it",
        "shut up",
        "that's not my job",
        "not my job",
        "hang up on them",
        "hang up on him",
        "hang up on her",
        "tell them off",
        "who cares",
        "whining",
        "whiner",
        "whiny",
        "pathetic",
        "idiot",
        "idiots",
        "moron",
        "morons",
        "clueless",
        "crybaby",
        "spoiled",
        "ridiculous customer",
        "annoying customer",
        "annoying customers",
        "get lost",
        "get over it",
        "stop complaining",
        "quit complaining",
        "too bad for them",
        "tough luck",
        "their own fault",
        "should have read",
        "you didn't read",
        "didn't bother to read",
        "can't they read",
        "can't you read",
        "learn to read",
        "serves them right",
        "serves him right",
        "serves her right",
        "they deserve it",
        "ignore them",
        "ignore him",
        "ignore her",
        "block them",
        "block him",
        "not worth my time",
        "waste of my time",
        "lazy colleague",
        "useless colleague",
        "blame my colleague",
        "blame the colleague",
        "his fault",
        "her fault",
        "whatever.",
        "whatever,",
        "so what",
        "cry about it",
        "incompetent",
        "cheapskate",
        "cheapskates",
        "can't fix stupid",
        "a pain to deal with",
        "too dumb",
        "waste my time",
        "don't really care",
        "whine",
        "that's their problem",
        "that's on them",
        "stupid questions",
        "lazy coworkers",
        "lazy people",
        "is a joke",
        "slow and stupid",
    ],
    rude_why: "talking down to the customer",
    domain: &[
        "customer",
        "client",
        "service",
        "support",
        "help",
        "solve",
        "resolve",
        "satisfied",
        "satisfaction",
        "polite",
        "friendly",
        "patient",
        "order",
        "product",
        "complaint",
        "attitude",
        "communicate",
        "communication",
    ],
};

/// Chinese characters that mark grammar rather than content (particles, pronouns, auxiliaries,
/// connectives). A real sentence has many of them; a bare keyword list has almost none.
const ZH_FUNCTION_CHARS: &str = "的了着过地得我你您他她它们是在和与及并把被给为就也都要会能可以对让使将这那此其个一有很更再先还又而但却所因如若果时后然则即便才已经从向于到之吧呢吗呀么什怎不没请帮来去上下中";

/// `ZH_FUNCTION_CHARS` as a bitset over the CJK block, built at compile time: the check runs
/// for every character of every answer.
static ZH_FUNCTION_BITS: [u64; CJK_WORDS] = zh_function_bits();

const CJK_START: u32 = 0x4E00;
const CJK_WORDS: usize = (0xA000 - 0x4E00) / 64;

const fn zh_function_bits() -> [u64; CJK_WORDS] {
    let mut bits = [0u64; CJK_WORDS];
    let bytes = ZH_FUNCTION_CHARS.as_bytes();
    let mut i = 0;
    // Every character of the list is a three-byte UTF-8 sequence in the CJK block.
    while i + 2 < bytes.len() {
        let c = ((bytes[i] as u32 & 0x0F) << 12)
            | ((bytes[i + 1] as u32 & 0x3F) << 6)
            | (bytes[i + 2] as u32 & 0x3F);
        let off = (c - CJK_START) as usize;
        bits[off / 64] |= 1 << (off % 64);
        i += 3;
    }
    bits
}

/// Whether token `k` of `text` is grammar: a zh function character or an en function word.
pub fn is_grammar_token(text: &Normalized, k: usize, lang: Language) -> bool {
    match lang {
        Language::Zh => text.token_char(k).is_some_and(is_zh_function_char),
        Language::En => text
            .tokens()
            .get(k)
            .and_then(|&(s, e)| text.as_str().get(s..e))
            .is_some_and(is_en_function_word),
    }
}

pub fn is_zh_function_char(c: char) -> bool {
    let Some(off) = (c as u32).checked_sub(CJK_START) else {
        return false;
    };
    let off = off as usize;
    ZH_FUNCTION_BITS
        .get(off / 64)
        .is_some_and(|w| w & (1 << (off % 64)) != 0)
}

/// Everyday English words that say nothing about what an answer is about ("I usually like
/// to ..."): left out of topic measures, where single words would otherwise match anything.
pub fn is_en_common_word(w: &str) -> bool {
    matches!(
        w,
        "like"
            | "love"
            | "really"
            | "usually"
            | "always"
            | "often"
            | "sometimes"
            | "never"
            | "get"
            | "got"
            | "make"
            | "made"
            | "go"
            | "going"
            | "went"
            | "think"
            | "know"
            | "want"
            | "need"
            | "see"
            | "say"
            | "said"
            | "tell"
            | "take"
            | "come"
            | "give"
            | "find"
            | "feel"
            | "try"
            | "look"
            | "good"
            | "great"
            | "nice"
            | "bad"
            | "best"
            | "better"
            | "lot"
            | "lots"
            | "much"
            | "many"
            | "more"
            | "most"
            | "thing"
            | "things"
            | "time"
            | "times"
            | "day"
            | "days"
            | "week"
            | "weeks"
            | "weekend"
            | "weekends"
            | "year"
            | "years"
            | "way"
            | "one"
            | "two"
            | "new"
            | "old"
            | "well"
            | "still"
            | "even"
            | "back"
            | "now"
            | "because"
            | "yes"
            | "ok"
            | "okay"
            | "sure"
            | "maybe"
            | "every"
            | "other"
            | "something"
            | "anything"
            | "everything"
    )
}

/// English function words (articles, pronouns, auxiliaries, prepositions, connectives).
pub fn is_en_function_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "i"
            | "we"
            | "you"
            | "he"
            | "she"
            | "it"
            | "they"
            | "me"
            | "us"
            | "him"
            | "her"
            | "them"
            | "my"
            | "our"
            | "your"
            | "their"
            | "its"
            | "is"
            | "am"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "shall"
            | "may"
            | "might"
            | "must"
            | "do"
            | "does"
            | "did"
            | "have"
            | "has"
            | "had"
            | "to"
            | "of"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "by"
            | "from"
            | "as"
            | "and"
            | "or"
            | "but"
            | "so"
            | "if"
            | "then"
            | "that"
            | "this"
            | "these"
            | "those"
            | "what"
            | "which"
            | "who"
            | "when"
            | "where"
            | "how"
            | "why"
            | "not"
            | "no"
            | "very"
            | "also"
            | "just"
            | "i'm"
            | "i'll"
            | "i'd"
            | "i've"
            | "we'll"
            | "we're"
            | "you're"
            | "it's"
            | "let"
            | "about"
            | "into"
            | "up"
            | "out"
            | "all"
            | "any"
            | "some"
            | "there"
            | "here"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_function_bitset_holds_exactly_the_list() {
        for c in ZH_FUNCTION_CHARS.chars() {
            assert!(is_zh_function_char(c), "{c}");
        }
        for c in [
            '道',
            '歉',
            '客',
            'a',
            '，',
            '\u{9FFF}',
            '\u{A000}',
            '\u{10000}',
        ] {
            assert!(!is_zh_function_char(c), "{c}");
        }
    }
}
