package org.communityscheduler.data;

import java.util.HashMap;
import java.util.Map;

/**
 * Names as they are written in a small Shandong city, each with the pinyin its id is made of.
 * Ids that would repeat get a number ({@code huanghe-2}) so any size has unique ids.
 */
final class Names {

    /** Communities of Binzhou and its counties: the names of community service centres. */
    private static final String[][] COMMUNITIES = {
            { "黄河", "huanghe" }, { "渤海", "bohai" }, { "黄山", "huangshan" }, { "滨城", "bincheng" },
            { "新立", "xinli" }, { "彭李", "pengli" }, { "市中", "shizhong" }, { "北镇", "beizhen" },
            { "梁才", "liangcai" }, { "杜店", "dudian" }, { "沙河", "shahe" }, { "里则", "lize" },
            { "青田", "qingtian" }, { "三河湖", "sanhehu" }, { "秦皇台", "qinhuangtai" }, { "滨北", "binbei" },
            { "永莘", "yongshen" }, { "玉龙", "yulong" }, { "安泰", "antai" }, { "丽景", "lijing" },
            { "幸福", "xingfu" }, { "阳光", "yangguang" }, { "和平", "heping" }, { "东方", "dongfang" },
            { "滨河", "binhe" }, { "金海", "jinhai" }, { "银河", "yinhe" }, { "长江", "changjiang" },
            { "泰山", "taishan" }, { "碧海", "bihai" }, { "惠民", "huimin" }, { "阳信", "yangxin" },
            { "无棣", "wudi" }, { "沾化", "zhanhua" }, { "博兴", "boxing" }, { "邹平", "zouping" },
            { "锦秋", "jinqiu" }, { "乐安", "lean" }, { "鲁北", "lubei" }, { "滨港", "bingang" } };

    private static final String[][] ORGANIZATION_WORDS = {
            { "乐助", "lezhu" }, { "颐康", "yikang" }, { "心桥", "xinqiao" }, { "朝阳", "chaoyang" },
            { "益心", "yixin" }, { "同心", "tongxin" }, { "启航", "qihang" }, { "善源", "shanyuan" },
            { "爱邻", "ailin" }, { "暖阳", "nuanyang" }, { "春晖", "chunhui" }, { "向日葵", "xiangrikui" },
            { "和睦", "hemu" }, { "康乐", "kangle" }, { "惠众", "huizhong" }, { "仁爱", "renai" },
            { "彩虹", "caihong" }, { "绿洲", "lvzhou" }, { "蒲公英", "pugongying" }, { "常青", "changqing" },
            { "馨家", "xinjia" }, { "博爱", "boai" }, { "睿思", "ruisi" }, { "众成", "zhongcheng" },
            { "福寿", "fushou" }, { "童心", "tongxin-kids" }, { "恒爱", "hengai" }, { "明德", "mingde" },
            { "扬帆", "yangfan" }, { "协力", "xieli" } };

    private static final String[][] ORGANIZATION_KINDS = {
            { "社会工作服务中心", "" }, { "为老服务中心", "elders" }, { "青少年服务社", "youth" },
            { "公益服务中心", "charity" }, { "心理健康服务中心", "mind" }, { "志愿者协会", "volunteers" },
            { "家庭服务中心", "family" } };

    private static final String[][] SURNAMES = {
            { "王", "wang" }, { "李", "li" }, { "张", "zhang" }, { "刘", "liu" }, { "陈", "chen" },
            { "杨", "yang" }, { "赵", "zhao" }, { "孙", "sun" }, { "周", "zhou" }, { "吴", "wu" },
            { "徐", "xu" }, { "马", "ma" }, { "高", "gao" }, { "郭", "guo" }, { "林", "lin" },
            { "何", "he" }, { "宋", "song" }, { "于", "yu" }, { "董", "dong" }, { "韩", "han" },
            { "冯", "feng" }, { "曹", "cao" }, { "田", "tian" }, { "崔", "cui" }, { "薛", "xue" },
            { "邢", "xing" }, { "范", "fan" }, { "付", "fu" }, { "侯", "hou" }, { "盖", "gai" } };

    private static final String[][] GIVEN_NAMES = {
            { "娜", "na" }, { "芳", "fang" }, { "磊", "lei" }, { "丽", "li" }, { "静", "jing" },
            { "敏", "min" }, { "伟", "wei" }, { "洋", "yang" }, { "艳", "yan" }, { "勇", "yong" },
            { "婷婷", "tingting" }, { "晓燕", "xiaoyan" }, { "海峰", "haifeng" }, { "雪梅", "xuemei" },
            { "文杰", "wenjie" }, { "佳慧", "jiahui" }, { "志强", "zhiqiang" }, { "秀英", "xiuying" },
            { "建华", "jianhua" }, { "春燕", "chunyan" }, { "梦瑶", "mengyao" }, { "子涵", "zihan" },
            { "浩然", "haoran" }, { "欣怡", "xinyi" }, { "立新", "lixin" }, { "玉兰", "yulan" },
            { "国栋", "guodong" }, { "晨曦", "chenxi" }, { "雨萱", "yuxuan" }, { "天宇", "tianyu" },
            { "慧敏", "huimin" }, { "红霞", "hongxia" }, { "俊杰", "junjie" }, { "思琪", "siqi" },
            { "亚楠", "yanan" }, { "凤英", "fengying" }, { "明轩", "mingxuan" }, { "金凤", "jinfeng" },
            { "彦博", "yanbo" }, { "倩", "qian" } };

    private static final String[] ORDINALS = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };

    private final Map<String, Integer> used = new HashMap<>();

    /** A community: its Chinese name and an id; the n-th reuse of a name gets a numbered district. */
    String[] community(int index) {
        String[] base = COMMUNITIES[index % COMMUNITIES.length];
        int round = index / COMMUNITIES.length;
        String name = round == 0 ? base[0] : base[0] + ordinal(round + 1) + "区";
        return new String[] { name, unique(base[1]) };
    }

    /** The index-th of the name combinations, as a shuffled order picks them. */
    String[] organization(int combination) {
        String[] word = ORGANIZATION_WORDS[combination % ORGANIZATION_WORDS.length];
        String[] kind = ORGANIZATION_KINDS[combination / ORGANIZATION_WORDS.length % ORGANIZATION_KINDS.length];
        String prefix = combination % 3 == 0 ? "滨州市" : combination % 3 == 1 ? "滨城区" : "";
        String id = kind[1].isEmpty() ? word[1] : word[1] + "-" + kind[1];
        return new String[] { prefix + word[0] + kind[0], unique(id) };
    }

    static int organizationCombinations() {
        return ORGANIZATION_WORDS.length * ORGANIZATION_KINDS.length;
    }

    String[] person(int surname, int given) {
        String[] family = SURNAMES[surname % SURNAMES.length];
        String[] first = GIVEN_NAMES[given % GIVEN_NAMES.length];
        return new String[] { family[0] + first[0], unique(family[1] + "-" + first[1]) };
    }

    static int surnames() {
        return SURNAMES.length;
    }

    static int givenNames() {
        return GIVEN_NAMES.length;
    }

    /** {@code id}, or {@code id-2}, {@code id-3}... when it was given out before. */
    String unique(String id) {
        int count = used.merge(id, 1, Integer::sum);
        if (count == 1) {
            return id;
        }
        String numbered = id + "-" + count;
        return used.containsKey(numbered) ? unique(id) : unique(numbered);
    }

    static String ordinal(int n) {
        return n <= ORDINALS.length ? ORDINALS[n - 1] : Integer.toString(n);
    }
}
