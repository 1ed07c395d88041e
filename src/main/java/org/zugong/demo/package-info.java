/**
 * 演示数据: on the first start of an empty database, seeds a fictional city (湘云市) with its six
 * counties, about a thousand organizations, five thousand persons and the demo accounts, so that every
 * page has something to show. Nothing here is used once the tree has data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "演示数据")
package org.zugong.demo;
